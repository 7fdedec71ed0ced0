namespace ChargerController.Ocpp.Generator;

/// <summary>
/// Turns the OCA OCPP 2.1 and 2.0.1 JSON schemas into the generated folders of ChargerController.Ocpp.
/// Pure and deterministic: the same schemas always give byte-identical files (the up-to-date test relies on it).
/// </summary>
public static class OcppModelGenerator
{
    /// <summary>The project folders whose <c>*.g.cs</c> files the generator owns (stale ones are deleted).</summary>
    public static readonly IReadOnlyList<string> GeneratedFolders = ["Enums", "DataTypes", "Messages", "Serialization", "Validation"];

    /// <summary>Generates every file from the two schema folders.</summary>
    /// <param name="schemas21">Folder with the 181 OCPP 2.1 schema files.</param>
    /// <param name="schemas201">Folder with the 128 OCPP 2.0.1 schema files.</param>
    /// <returns>The files, ordered by path.</returns>
    public static IReadOnlyList<GeneratedFile> Generate(string schemas21, string schemas201)
    {
        var v21 = SchemaReader.Read(schemas21);
        var v201 = SchemaReader.Read(schemas201);
        var rows = ReadActionBlocks();
        CheckCatalogue(rows, v21, v201);
        CompatibilityCheck.Verify(v201, v21);

        var blockOf = rows.ToDictionary(r => r.Action, r => r.Block, StringComparer.Ordinal);
        var files = new List<GeneratedFile>();
        foreach (var def in v21.Definitions.Values)
        {
            if (def.IsEnum)
            {
                files.Add(TypeEmitter.Enum(def));
            }
            else if (def.Name != Naming.CustomDataDefinition)
            {
                files.Add(TypeEmitter.Record(def, "ChargerController.Ocpp.DataTypes", "DataTypes", $"OCPP 2.1 data type <c>{def.Name}</c>.", v21, RequiredInModel));
            }
        }

        var rootTypes = new List<(string, string)>();
        foreach (var root in v21.Roots.Values)
        {
            var (action, kind) = Naming.SplitRoot(root.Name);
            var block = blockOf[action];
            var ns = $"ChargerController.Ocpp.Messages.{block}";
            var summary = kind switch
            {
                "Request" => $"OCPP 2.1 <c>{root.Name}</c>: the CALL payload of action <c>{action}</c>.",
                "Response" => $"OCPP 2.1 <c>{root.Name}</c>: the CALLRESULT payload of action <c>{action}</c>.",
                _ => $"OCPP 2.1 <c>{root.Name}</c>: the SEND payload of action <c>{action}</c> (no response).",
            };
            files.Add(TypeEmitter.Record(root, ns, $"Messages/{block}", summary, v21, RequiredInModel));
            rootTypes.Add((ns, root.Name));
        }

        var enums = v21.Definitions.Values.Where(d => d.IsEnum).ToList();
        files.Add(CatalogEmitter.Context(rootTypes));
        files.Add(CatalogEmitter.EnumConverters(enums));
        files.Add(CatalogEmitter.Blocks(rows.Select(r => r.Block)));
        files.Add(CatalogEmitter.Catalog(rows, v21, v201));
        files.Add(ConstraintEmitter.Emit(v21, "V21", "V21", "v2.1"));
        files.Add(ConstraintEmitter.Emit(v201, "V201", "V201", "v2.0.1"));
        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];

        // A field required by 2.1 stays optional in C# when a 2.0.1 payload may lack it
        // (VariableMonitoringType.eventNotificationType), so the one model reads both versions.
        bool RequiredInModel(SchemaType type, SchemaProperty property)
        {
            if (!property.Required)
            {
                return false;
            }

            var old = v201.Definitions.GetValueOrDefault(type.Name) ?? v201.Roots.GetValueOrDefault(type.Name);
            return old is null || old.Properties.Any(p => p.WireName == property.WireName && p.Required);
        }
    }

    /// <summary>Writes <paramref name="files"/> below <paramref name="projectFolder"/> and deletes stale generated files.</summary>
    /// <param name="projectFolder">The ChargerController.Ocpp project folder.</param>
    /// <param name="files">Output of <see cref="Generate"/>.</param>
    /// <returns>Number of files written or deleted.</returns>
    public static int Write(string projectFolder, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var changes = 0;
        var wanted = files.ToDictionary(f => Path.GetFullPath(Path.Combine(projectFolder, f.RelativePath)), f => f.Content, StringComparer.Ordinal);
        foreach (var folder in GeneratedFolders)
        {
            var dir = Path.Combine(projectFolder, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var existing in Directory.GetFiles(dir, "*.g.cs", SearchOption.AllDirectories))
            {
                if (!wanted.ContainsKey(Path.GetFullPath(existing)))
                {
                    File.Delete(existing);
                    changes++;
                }
            }
        }

        foreach (var (path, content) in wanted)
        {
            if (File.Exists(path) && File.ReadAllText(path) == content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            changes++;
        }

        return changes;
    }

    private static List<ActionRow> ReadActionBlocks()
    {
        using var stream = typeof(OcppModelGenerator).Assembly.GetManifestResourceStream("ActionBlocks.csv")
            ?? throw new InvalidOperationException("ActionBlocks.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<ActionRow>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split(',');
            rows.Add(new ActionRow(cells[0], cells[1], cells[2]));
        }

        return [.. rows.OrderBy(r => r.Action, StringComparer.Ordinal)];
    }

    private static void CheckCatalogue(List<ActionRow> rows, SchemaSet v21, SchemaSet v201)
    {
        var actions = rows.Select(r => r.Action).ToHashSet(StringComparer.Ordinal);
        foreach (var set in new[] { v21, v201 })
        {
            foreach (var root in set.Roots.Keys)
            {
                if (!actions.Contains(Naming.SplitRoot(root).Action))
                {
                    throw new InvalidDataException($"Schema {root}.json has no line in ActionBlocks.csv.");
                }
            }
        }

        foreach (var row in rows)
        {
            if (!v21.Roots.ContainsKey(row.Action) && !(v21.Roots.ContainsKey(row.Action + "Request") && v21.Roots.ContainsKey(row.Action + "Response")))
            {
                throw new InvalidDataException($"ActionBlocks.csv lists {row.Action}, which has no 2.1 schema pair.");
            }
        }
    }
}
