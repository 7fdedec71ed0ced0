using System.Text;

namespace ChargerController.Ocpp.Generator;

/// <summary>Emits the JSON context, the functional-block enum and the action catalogue table.</summary>
internal static class CatalogEmitter
{
    public static GeneratedFile EnumConverters(IEnumerable<SchemaType> enums)
    {
        var sb = new StringBuilder(Naming.Header);
        sb.Append("\nusing ChargerController.Ocpp.Enums;\n\nnamespace ChargerController.Ocpp.Serialization;\n");
        foreach (var e in enums)
        {
            var values = string.Join(", ", e.EnumValues!.Select(v => $"\"{v}\""));
            sb.Append($"\n/// <summary>Wire strings of <see cref=\"{e.Name}\"/>, in member order.</summary>\n");
            sb.Append($"internal sealed class {e.Name}Converter() : OcppEnumConverter<{e.Name}>([{values}]);\n");
        }

        return new GeneratedFile("Serialization/OcppEnumConverters.g.cs", sb.ToString());
    }

    public static GeneratedFile Context(IEnumerable<(string Namespace, string Type)> rootTypes)
    {
        var sb = new StringBuilder(Naming.Header);
        sb.Append("\nusing System.Text.Json;\nusing System.Text.Json.Serialization;\n\nnamespace ChargerController.Ocpp.Serialization;\n\n");
        sb.Append("/// <summary>\n/// Source-generated System.Text.Json metadata for every OCPP 2.1 payload (house rule 7: no reflection).\n");
        sb.Append("/// Absent optional fields are omitted on write; date-times are RFC 3339 (Part 2 §2.1.4).\n/// </summary>\n");
        sb.Append("[JsonSourceGenerationOptions(\n");
        sb.Append("    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,\n");
        // The enum converters are not listed here: each enum names its own in [JsonConverter], so the options do not
        // construct all of them at start-up (docs/PERFORMANCE.md, "chargerd memory (session 4)").
        sb.Append("    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]\n");
        sb.Append("[JsonSerializable(typeof(JsonElement))]\n");
        foreach (var (ns, type) in rootTypes.OrderBy(t => t.Type, StringComparer.Ordinal))
        {
            sb.Append($"[JsonSerializable(typeof(global::{ns}.{type}))]\n");
        }

        sb.Append("public sealed partial class OcppJsonContext : JsonSerializerContext\n{\n}\n");
        return new GeneratedFile("Serialization/OcppJsonContext.g.cs", sb.ToString());
    }

    public static GeneratedFile Blocks(IEnumerable<string> blocks)
    {
        var sb = new StringBuilder(Naming.Header);
        sb.Append("\nnamespace ChargerController.Ocpp.Serialization;\n\n");
        sb.Append("/// <summary>The OCPP 2.1 Part 2 functional blocks; also the folder names under <c>Messages/</c>.</summary>\n");
        sb.Append("public enum FunctionalBlock\n{\n");
        var first = true;
        foreach (var b in blocks.Distinct().Order(StringComparer.Ordinal))
        {
            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            sb.Append($"    /// <summary>Functional block <c>{b}</c>.</summary>\n    {b},\n");
        }

        sb.Append("}\n");
        return new GeneratedFile("Serialization/FunctionalBlock.g.cs", sb.ToString());
    }

    public static GeneratedFile Catalog(IReadOnlyList<ActionRow> rows, SchemaSet v21, SchemaSet v201)
    {
        var sb = new StringBuilder(Naming.Header);
        sb.Append("\nnamespace ChargerController.Ocpp.Serialization;\n\n");
        sb.Append("/// <content>The generated table: one entry per action of the OCPP 2.1 schema set.</content>\n");
        sb.Append("public static partial class ActionCatalog\n{\n");
        sb.Append("    private static OcppActionInfo[] CreateActions() =>\n    [\n");
        foreach (var row in rows)
        {
            var ns = $"global::ChargerController.Ocpp.Messages.{row.Block}";
            var isSend = v21.Roots.ContainsKey(row.Action);
            var in201 = v201.Roots.ContainsKey(row.Action + "Request");
            var request = isSend ? $"typeof({ns}.{row.Action})" : $"typeof({ns}.{row.Action}Request)";
            var response = isSend ? "null" : $"typeof({ns}.{row.Action}Response)";
            sb.Append($"        new(\"{row.Action}\", FunctionalBlock.{row.Block}, RequestSender.{row.Sender}, {(in201 ? "true" : "false")}, {(isSend ? "true" : "false")}, {request}, {response}),\n");
        }

        sb.Append("    ];\n}\n");
        return new GeneratedFile("Serialization/ActionCatalog.g.cs", sb.ToString());
    }
}
