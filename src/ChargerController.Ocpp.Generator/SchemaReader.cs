using System.Globalization;
using System.Text.Json;

namespace ChargerController.Ocpp.Generator;

/// <summary>
/// Reads a folder of OCA JSON schemas (draft-06) into a <see cref="SchemaSet"/>. Only the keyword subset the OCA
/// files use is understood; any other keyword fails the run so that a new schema release cannot be half-read.
/// </summary>
internal static class SchemaReader
{
    // Annotations without validation meaning for us: descriptions, Java names, the OCA comment, defaults, and
    // additionalItems (a no-op next to a single `items` schema, draft-06 §6.10).
    private static readonly HashSet<string> IgnoredKeywords = new(StringComparer.Ordinal)
    {
        "description", "javaType", "comment", "default", "additionalItems", "$schema", "$id",
    };

    public static SchemaSet Read(string folder)
    {
        var roots = new SortedDictionary<string, SchemaType>(StringComparer.Ordinal);
        var definitions = new SortedDictionary<string, SchemaType>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.TryGetProperty("definitions", out var defs))
            {
                foreach (var def in defs.EnumerateObject())
                {
                    var type = ReadType(def.Name, def.Value, name);
                    if (definitions.TryGetValue(def.Name, out var existing))
                    {
                        // The generator emits one C# type per definition name, so every file must agree on it.
                        if (!SameShape(existing, type))
                        {
                            throw new InvalidDataException($"{name}.json: definition {def.Name} differs from an earlier file with the same definition name.");
                        }
                    }
                    else
                    {
                        definitions.Add(def.Name, type);
                    }
                }
            }

            roots.Add(name, ReadType(name, root, name));
        }

        return new SchemaSet(roots, definitions);
    }

    private static bool SameShape(SchemaType a, SchemaType b) =>
        a.Name == b.Name
        && a.AllowAdditionalProperties == b.AllowAdditionalProperties
        && (a.EnumValues ?? []).SequenceEqual(b.EnumValues ?? [])
        && a.Properties.SequenceEqual(b.Properties);

    private static SchemaType ReadType(string name, JsonElement schema, string file)
    {
        var type = schema.GetProperty("type").GetString();
        if (schema.TryGetProperty("enum", out var enumValues))
        {
            if (type != "string")
            {
                throw new InvalidDataException($"{file}.json: enum {name} is not a string enum.");
            }

            return new SchemaType(name, [.. enumValues.EnumerateArray().Select(v => v.GetString()!)], [], false);
        }

        if (type != "object")
        {
            throw new InvalidDataException($"{file}.json: definition {name} has unsupported type {type}.");
        }

        var required = schema.TryGetProperty("required", out var req)
            ? req.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var properties = new List<SchemaProperty>();
        if (schema.TryGetProperty("properties", out var props))
        {
            foreach (var p in props.EnumerateObject())
            {
                properties.Add(new SchemaProperty(p.Name, required.Contains(p.Name), ReadValue(p.Value, $"{file}.json {name}.{p.Name}")));
            }
        }

        foreach (var r in required)
        {
            if (!properties.Exists(p => p.WireName == r))
            {
                throw new InvalidDataException($"{file}.json: {name} requires unknown property {r}.");
            }
        }

        // JSON Schema default: additional properties are allowed unless the schema says false (CustomDataType).
        var additional = !schema.TryGetProperty("additionalProperties", out var ap) || ap.ValueKind != JsonValueKind.False;
        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.Name is not ("type" or "properties" or "required" or "additionalProperties" or "definitions") && !IgnoredKeywords.Contains(keyword.Name))
            {
                throw new InvalidDataException($"{file}.json: {name} uses unsupported keyword {keyword.Name}.");
            }
        }

        return new SchemaType(name, null, properties, additional);
    }

    private static SchemaValue ReadValue(JsonElement schema, string where)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.Name is not ("$ref" or "type" or "format" or "maxLength" or "minimum" or "maximum" or "items" or "minItems" or "maxItems")
                && !IgnoredKeywords.Contains(keyword.Name))
            {
                throw new InvalidDataException($"{where}: unsupported keyword {keyword.Name}.");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            const string Prefix = "#/definitions/";
            var text = reference.GetString()!;
            if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{where}: unsupported $ref {text}.");
            }

            return new SchemaValue(SchemaValueKind.Ref, Ref: text[Prefix.Length..]);
        }

        if (!schema.TryGetProperty("type", out var typeElement))
        {
            return new SchemaValue(SchemaValueKind.Any);
        }

        var type = typeElement.GetString();
        return type switch
        {
            "string" => new SchemaValue(
                Format(schema, where) ? SchemaValueKind.DateTime : SchemaValueKind.String,
                MaxLength: OptionalInt(schema, "maxLength")),
            "integer" => new SchemaValue(SchemaValueKind.Integer, Minimum: OptionalDecimal(schema, "minimum"), Maximum: OptionalDecimal(schema, "maximum")),
            "number" => new SchemaValue(SchemaValueKind.Number, Minimum: OptionalDecimal(schema, "minimum"), Maximum: OptionalDecimal(schema, "maximum")),
            "boolean" => new SchemaValue(SchemaValueKind.Boolean),
            "array" => new SchemaValue(
                SchemaValueKind.Array,
                Items: ReadValue(schema.GetProperty("items"), where + "[]"),
                MinItems: OptionalInt(schema, "minItems"),
                MaxItems: OptionalInt(schema, "maxItems")),
            _ => throw new InvalidDataException($"{where}: unsupported type {type}."),
        };
    }

    private static bool Format(JsonElement schema, string where)
    {
        if (!schema.TryGetProperty("format", out var format))
        {
            return false;
        }

        return format.GetString() == "date-time" ? true : throw new InvalidDataException($"{where}: unsupported format {format.GetString()}.");
    }

    private static int? OptionalInt(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var v) ? v.GetInt32() : null;

    private static decimal? OptionalDecimal(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var v) ? decimal.Parse(v.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
