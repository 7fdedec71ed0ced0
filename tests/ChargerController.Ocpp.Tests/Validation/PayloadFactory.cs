using System.Globalization;
using System.Text.Json.Nodes;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Validation;

/// <summary>
/// Builds payloads from the generated constraint model: a deterministic "full" example (every field, arrays of one,
/// readable values) and seeded random valid ones. <see cref="PayloadMutator"/> derives invalid ones from them.
/// </summary>
internal sealed class PayloadFactory
{
    public const string ExampleDateTime = "2025-01-15T10:30:00Z";

    private readonly Random? _random;
    private readonly bool _minimal;

    private PayloadFactory(Random? random, bool minimal = false)
    {
        _random = random;
        _minimal = minimal;
    }

    /// <summary>Every property present, arrays at max(minItems, 1) items, first enum value, names as strings.</summary>
    public static JsonObject Example(ObjectConstraint schema) => new PayloadFactory(null).Object(schema);

    /// <summary>Like <see cref="Example"/> but with required fields only: small items for maxItems boundaries.</summary>
    public static JsonNode? Minimal(ValueConstraint value) => new PayloadFactory(null, minimal: true).Value(value, "item");

    /// <summary>Random but valid: optional fields present with probability 1/2, random lengths, enum values and numbers.</summary>
    public static JsonObject Random(ObjectConstraint schema, Random random) => new PayloadFactory(random).Object(schema);

    private JsonObject Object(ObjectConstraint schema)
    {
        var obj = new JsonObject();
        foreach (var p in schema.Properties)
        {
            if (!p.Required && (_minimal || (_random is not null && _random.Next(2) == 0)))
            {
                continue;
            }

            obj[p.Name] = Value(p.Value, p.Name);
        }

        return obj;
    }

    private JsonNode? Value(ValueConstraint c, string name)
    {
        switch (c.Kind)
        {
            case ValueConstraintKind.Any:
                return JsonValue.Create(name);
            case ValueConstraintKind.String:
                return JsonValue.Create(Text(name, c.MaxLength));
            case ValueConstraintKind.DateTime:
                return JsonValue.Create(_random is null ? ExampleDateTime : RandomDateTime(_random));
            case ValueConstraintKind.Integer:
                return JsonValue.Create(Integer(c));
            case ValueConstraintKind.Number:
                return JsonValue.Create(Number(c));
            case ValueConstraintKind.Boolean:
                return JsonValue.Create(_random is null || _random.Next(2) == 0);
            case ValueConstraintKind.Enum:
                var values = c.EnumValues!.Values;
                return JsonValue.Create(values[_random is null ? 0 : _random.Next(values.Count)]);
            case ValueConstraintKind.Object:
                return Object(c.ObjectType!);
            default:
                var max = c.MaxItems < 0 ? 3 : Math.Min(c.MaxItems, 3);
                var count = _random is null ? Math.Max(c.MinItems, 1) : _random.Next(c.MinItems, max + 1);
                var array = new JsonArray();
                for (var i = 0; i < count; i++)
                {
                    array.Add(Value(c.Items!, name));
                }

                return array;
        }
    }

    private string Text(string name, int maxLength)
    {
        if (_random is null)
        {
            return maxLength < 0 || name.Length <= maxLength ? name : name[..maxLength];
        }

        var length = _random.Next(0, (maxLength < 0 ? 16 : Math.Min(maxLength, 16)) + 1);
        return new string([.. Enumerable.Range(0, length).Select(_ => (char)('a' + _random.Next(26)))]);
    }

    private int Integer(ValueConstraint c)
    {
        var min = (int)(c.Minimum ?? -1000m);
        var max = (int)(c.Maximum ?? 100_000m);
        return _random is null ? Math.Clamp(1, min, max) : _random.Next(min, max + 1);
    }

    private decimal Number(ValueConstraint c)
    {
        var min = c.Minimum ?? -1000m;
        var max = c.Maximum ?? 100_000m;
        if (_random is null)
        {
            return Math.Clamp(1.5m, min, max);
        }

        var value = min + ((max - min) * (decimal)_random.NextDouble());
        return Math.Clamp(Math.Round(value, 3), min, max);
    }

    private static string RandomDateTime(Random random)
    {
        var value = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.Next(0, 300_000_000)).AddMilliseconds(random.Next(0, 1000));
        var offset = random.Next(3) switch { 0 => "Z", 1 => "+02:00", _ => "-05:30" };
        var local = offset == "Z" ? value : value.ToOffset(offset == "+02:00" ? TimeSpan.FromHours(2) : -TimeSpan.FromHours(5.5));
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + offset;
    }
}
