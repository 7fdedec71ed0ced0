using System.Text;

namespace ChargerController.Ocpp.Generator;

/// <summary>Emits one C# file per enum, data type and message of the 2.1 schema set.</summary>
internal static class TypeEmitter
{
    public static GeneratedFile Enum(SchemaType type)
    {
        var sb = new StringBuilder(Naming.Header);
        sb.Append("\nusing System.Text.Json.Serialization;\n\nnamespace ChargerController.Ocpp.Enums;\n\n");
        sb.Append($"/// <summary>OCPP 2.1 enumeration <c>{type.Name}</c>; each member carries its exact wire string.</summary>\n");
        // The generated table-driven converter, not JsonStringEnumConverter<T>: under Native AOT the latter compiles
        // System.Text.Json's whole EnumConverter<T> per enum (about 20 KB × 110 enums of chargerd's binary), and the
        // attribute makes each converter be created only when its enum is first (de)serialized.
        sb.Append($"[JsonConverter(typeof(global::ChargerController.Ocpp.Serialization.{type.Name}Converter))]\n");
        sb.Append($"public enum {type.Name}\n{{\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        foreach (var value in type.EnumValues!)
        {
            var member = Naming.EnumMember(value);
            if (!seen.Add(member))
            {
                throw new InvalidDataException($"{type.Name}: two wire values map to the member name {member}.");
            }

            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            sb.Append($"    /// <summary>Wire value <c>{value}</c>.</summary>\n");
            sb.Append($"    [JsonStringEnumMemberName(\"{value}\")]\n");
            sb.Append($"    {member},\n");
        }

        sb.Append("}\n");
        return new GeneratedFile($"Enums/{type.Name}.g.cs", sb.ToString());
    }

    public static GeneratedFile Record(SchemaType type, string ns, string folder, string summary, SchemaSet schemas21, Func<SchemaType, SchemaProperty, bool> requiredInModel)
    {
        var body = new StringBuilder();
        var usesJsonElement = false;
        var usesEnums = false;
        var usesDataTypes = false;
        var first = true;
        foreach (var p in type.Properties)
        {
            var clr = ClrType(p.Value, schemas21, ref usesJsonElement, ref usesEnums, ref usesDataTypes);
            var required = requiredInModel(type, p);
            if (!first)
            {
                body.Append('\n');
            }

            first = false;
            var doc = (p.Value.Kind, p.Value.Ref) switch
            {
                (SchemaValueKind.Ref, Naming.CustomDataDefinition) => $"Gets or sets the <c>{p.WireName}</c> vendor extension object, kept as raw JSON (the one open object of the schemas).",
                (SchemaValueKind.Any, _) => $"Gets or sets the <c>{p.WireName}</c> field: any JSON value, kept as raw JSON{(p.Required ? string.Empty : " (optional)")}.",
                _ => $"Gets or sets the <c>{p.WireName}</c> field{(required ? " (required)" : p.Required ? " (required in 2.1, absent in 2.0.1)" : " (optional)")}.",
            };
            body.Append($"    /// <summary>{doc}</summary>\n");
            body.Append($"    [JsonPropertyName(\"{p.WireName}\")]\n");
            // Schema-required fields are non-nullable but not C# `required`: with required members the System.Text.Json
            // source generator must build objects through a boxed argument array (TransactionEvent deserialize
            // 10.7 µs → 4.5 µs without). Outbound validation (tests, PayloadValidationOptions) catches a field left unset.
            body.Append(required
                ? $"    public {clr} {Naming.Property(p.WireName)} {{ get; set; }}{(IsValueType(p.Value, schemas21) ? string.Empty : " = default!;")}\n"
                : $"    public {clr}? {Naming.Property(p.WireName)} {{ get; set; }}\n");
        }

        var sb = new StringBuilder(Naming.Header);
        sb.Append('\n');
        if (usesJsonElement)
        {
            sb.Append("using System.Text.Json;\n");
        }

        sb.Append("using System.Text.Json.Serialization;\n");
        if (usesDataTypes && ns != "ChargerController.Ocpp.DataTypes")
        {
            sb.Append("using ChargerController.Ocpp.DataTypes;\n");
        }

        if (usesEnums)
        {
            sb.Append("using ChargerController.Ocpp.Enums;\n");
        }

        sb.Append($"\nnamespace {ns};\n\n/// <summary>{summary}</summary>\npublic sealed record {type.Name}\n{{\n");
        sb.Append(body);
        sb.Append("}\n");
        return new GeneratedFile($"{folder}/{type.Name}.g.cs", sb.ToString());
    }

    private static bool IsValueType(SchemaValue v, SchemaSet schemas) => v.Kind switch
    {
        SchemaValueKind.String or SchemaValueKind.Array => false,
        SchemaValueKind.Ref => v.Ref == Naming.CustomDataDefinition || schemas.Definitions[v.Ref!].IsEnum,
        _ => true,
    };

    private static string ClrType(SchemaValue v, SchemaSet schemas, ref bool usesJsonElement, ref bool usesEnums, ref bool usesDataTypes)
    {
        switch (v.Kind)
        {
            case SchemaValueKind.String:
                return "string";
            case SchemaValueKind.DateTime:
                return "DateTimeOffset";
            case SchemaValueKind.Integer:
                return "int";
            case SchemaValueKind.Number:
                return "decimal";
            case SchemaValueKind.Boolean:
                return "bool";
            case SchemaValueKind.Any:
                usesJsonElement = true;
                return "JsonElement";
            case SchemaValueKind.Array:
                return ClrType(v.Items!, schemas, ref usesJsonElement, ref usesEnums, ref usesDataTypes) + "[]";
            default:
                if (v.Ref == Naming.CustomDataDefinition)
                {
                    usesJsonElement = true;
                    return "JsonElement";
                }

                if (schemas.Definitions[v.Ref!].IsEnum)
                {
                    usesEnums = true;
                }
                else
                {
                    usesDataTypes = true;
                }

                return v.Ref!;
        }
    }
}
