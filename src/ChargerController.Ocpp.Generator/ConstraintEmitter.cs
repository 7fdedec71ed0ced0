using System.Globalization;
using System.Text;

namespace ChargerController.Ocpp.Generator;

/// <summary>
/// Emits the compact constraint model of one schema set (Validation/OcppSchemaModels.V*.g.cs): one node per
/// definition, shared by every file that uses it, walked at run time by the hand-written validator.
/// </summary>
internal static class ConstraintEmitter
{
    public static GeneratedFile Emit(SchemaSet set, string versionSuffix, string versionEnum, string schemaFolder)
    {
        var sb = new StringBuilder(Naming.Header);
        sb.Append("\nnamespace ChargerController.Ocpp.Validation;\n\n");
        sb.Append("internal static partial class OcppSchemaModels\n{\n");
        sb.Append($"    /// <summary>Builds the constraint model of the schemas in <c>Schemas/{schemaFolder}/</c>.</summary>\n");
        sb.Append($"    internal static SchemaConstraintSet Create{versionSuffix}()\n    {{\n");

        foreach (var def in set.Definitions.Values.Where(d => d.IsEnum))
        {
            var values = string.Join(", ", def.EnumValues!.Select(v => $"\"{v}\""));
            sb.Append($"        var d_{def.Name} = new EnumConstraint(\"{def.Name}\", [{values}]);\n");
        }

        foreach (var def in set.Definitions.Values.Where(d => !d.IsEnum))
        {
            sb.Append($"        var d_{def.Name} = new ObjectConstraint(\"{def.Name}\", {Bool(def.AllowAdditionalProperties)});\n");
        }

        foreach (var root in set.Roots.Values)
        {
            sb.Append($"        var r_{root.Name} = new ObjectConstraint(\"{root.Name}\", {Bool(root.AllowAdditionalProperties)});\n");
        }

        foreach (var (prefix, type) in set.Definitions.Values.Where(d => !d.IsEnum).Select(d => ("d_", d)).Concat(set.Roots.Values.Select(r => ("r_", r))))
        {
            if (type.Properties.Count > 64)
            {
                throw new InvalidDataException($"{type.Name}: more than 64 properties; the validator's required-bit mask cannot hold it.");
            }

            sb.Append($"        {prefix}{type.Name}.Initialize(\n        [\n");
            foreach (var p in type.Properties)
            {
                sb.Append($"            new(\"{p.WireName}\", {Bool(p.Required)}, {Value(p.Value, set)}),\n");
            }

            sb.Append("        ]);\n");
        }

        sb.Append($"        return new SchemaConstraintSet(\n            OcppVersion.{versionEnum},\n            [\n");
        foreach (var root in set.Roots.Values)
        {
            var (action, kind) = Naming.SplitRoot(root.Name);
            sb.Append($"                new(\"{action}\", PayloadKind.{kind}, r_{root.Name}),\n");
        }

        sb.Append("            ]);\n    }\n}\n");
        return new GeneratedFile($"Validation/OcppSchemaModels.{versionSuffix}.g.cs", sb.ToString());
    }

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Dec(decimal? d) => d is null ? "null" : d.Value.ToString(CultureInfo.InvariantCulture) + "m";

    private static string Value(SchemaValue v, SchemaSet set) => v.Kind switch
    {
        SchemaValueKind.String => $"ValueConstraint.String({v.MaxLength ?? -1})",
        SchemaValueKind.DateTime => "ValueConstraint.DateTime()",
        SchemaValueKind.Integer => $"ValueConstraint.Integer({Dec(v.Minimum)}, {Dec(v.Maximum)})",
        SchemaValueKind.Number => $"ValueConstraint.Number({Dec(v.Minimum)}, {Dec(v.Maximum)})",
        SchemaValueKind.Boolean => "ValueConstraint.Boolean()",
        SchemaValueKind.Any => "ValueConstraint.Any()",
        SchemaValueKind.Array => $"ValueConstraint.Array({Value(v.Items!, set)}, {v.MinItems ?? 0}, {v.MaxItems ?? -1})",
        _ => set.Definitions[v.Ref!].IsEnum ? $"ValueConstraint.Enum(d_{v.Ref})" : $"ValueConstraint.Object(d_{v.Ref})",
    };
}
