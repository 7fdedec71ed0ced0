using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Serialization;

namespace ChargerController.Ocpp.Validation;

/// <summary>
/// Walks a parsed payload against a constraint model and returns the first violation in document order, with the
/// error code of <see cref="ErrorCodeMapping"/>. Allocation-free on valid payloads: property names and string values
/// are compared as raw UTF-8 (<see cref="JsonMarshal"/>), falling back to decoding only for escaped text.
/// </summary>
internal static class ConstraintWalker
{
    public static ViolationTrace? CheckObject(JsonElement element, ObjectConstraint schema)
    {
        ulong seen = 0;
        var hint = 0;
        foreach (var property in element.EnumerateObject())
        {
            var index = IndexOf(property, schema, hint);
            if (index < 0)
            {
                if (schema.AllowAdditionalProperties)
                {
                    continue;
                }

                return new ViolationTrace(ErrorCodeMapping.AdditionalProperty, $"{schema.Name} does not allow this property (additionalProperties: false).")
                    .Under(property.Name);
            }

            var constraint = schema.Properties[index];
            seen |= 1UL << index;
            hint = index + 1;
            var failure = CheckValue(property.Value, constraint.Value, constraint.Name);
            if (failure is not null)
            {
                return failure.Under(constraint.Name);
            }
        }

        var missing = schema.RequiredMask & ~seen;
        if (missing != 0)
        {
            var name = schema.Properties[BitOperations.TrailingZeroCount(missing)].Name;
            return new ViolationTrace(ErrorCodeMapping.MissingRequired, $"Required property {name} of {schema.Name} is missing.").Under(name);
        }

        return null;
    }

    public static ViolationTrace? CheckValue(JsonElement value, ValueConstraint constraint, string name)
    {
        switch (constraint.Kind)
        {
            case ValueConstraintKind.Any:
                return null;

            case ValueConstraintKind.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    return WrongType(name, "a string", value);
                }

                return constraint.MaxLength >= 0 && StringLength(value, constraint.MaxLength) > constraint.MaxLength
                    ? new ViolationTrace(ErrorCodeMapping.Bounds, $"{name} is longer than its maxLength {constraint.MaxLength}.")
                    : null;

            case ValueConstraintKind.DateTime:
                if (value.ValueKind != JsonValueKind.String)
                {
                    return WrongType(name, "an RFC 3339 date-time string", value);
                }

                return IsDateTime(value) ? null : new ViolationTrace(ErrorCodeMapping.BadDateTime, $"{name} is not an RFC 3339 date-time.");

            case ValueConstraintKind.Integer:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var integer))
                {
                    return WrongType(name, "a 32-bit integer", value);
                }

                return CheckBounds(integer, constraint, name);

            case ValueConstraintKind.Number:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    return WrongType(name, "a decimal number", value);
                }

                // Unbounded (most sampled values): any literal of at most 28 characters without exponent fits a
                // decimal, so skip parsing it.
                if (constraint.Minimum is null && constraint.Maximum is null)
                {
                    var raw = JsonMarshal.GetRawUtf8Value(value);
                    if (raw.Length <= 28 && raw.IndexOfAny((byte)'e', (byte)'E') < 0)
                    {
                        return null;
                    }
                }

                if (!value.TryGetDecimal(out var number))
                {
                    return WrongType(name, "a decimal number", value);
                }

                return CheckBounds(number, constraint, name);

            case ValueConstraintKind.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : WrongType(name, "true or false", value);

            case ValueConstraintKind.Enum:
                if (value.ValueKind != JsonValueKind.String)
                {
                    return WrongType(name, $"a {constraint.EnumValues!.Name} string", value);
                }

                return IsEnumValue(value, constraint.EnumValues!)
                    ? null
                    : new ViolationTrace(ErrorCodeMapping.Bounds, $"{name} is not a value of {constraint.EnumValues!.Name}.");

            case ValueConstraintKind.Object:
                return value.ValueKind == JsonValueKind.Object
                    ? CheckObject(value, constraint.ObjectType!)
                    : WrongType(name, $"a {constraint.ObjectType!.Name} object", value);

            default:
                return CheckArray(value, constraint, name);
        }
    }

    private static ViolationTrace? CheckArray(JsonElement value, ValueConstraint constraint, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return WrongType(name, "an array", value);
        }

        var count = value.GetArrayLength();
        if (count < constraint.MinItems)
        {
            return new ViolationTrace(ErrorCodeMapping.Cardinality, $"{name} has {count} items; at least {constraint.MinItems} required.");
        }

        if (constraint.MaxItems >= 0 && count > constraint.MaxItems)
        {
            return new ViolationTrace(ErrorCodeMapping.Cardinality, $"{name} has {count} items; at most {constraint.MaxItems} allowed.");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var failure = CheckValue(item, constraint.Items!, name);
            if (failure is not null)
            {
                return failure.Under(index.ToString(CultureInfo.InvariantCulture));
            }

            index++;
        }

        return null;
    }

    private static ViolationTrace? CheckBounds(decimal value, ValueConstraint constraint, string name)
    {
        if (constraint.Minimum is { } min && value < min)
        {
            return new ViolationTrace(ErrorCodeMapping.Bounds, $"{name} is below its minimum {min.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (constraint.Maximum is { } max && value > max)
        {
            return new ViolationTrace(ErrorCodeMapping.Bounds, $"{name} is above its maximum {max.ToString(CultureInfo.InvariantCulture)}.");
        }

        return null;
    }

    private static ViolationTrace WrongType(string name, string expected, JsonElement value) =>
        new(ErrorCodeMapping.WrongType, $"{name} must be {expected}, not {Describe(value.ValueKind)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "this number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static int IndexOf(JsonProperty property, ObjectConstraint schema, int hint)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return schema.IndexOf(raw, hint);
        }

        // Escaped names (\u0061 for "a") are rare; compare them unescaped.
        for (var i = 0; i < schema.Properties.Count; i++)
        {
            if (property.NameEquals(schema.Properties[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Length in Unicode code points (JSON Schema draft-06 §6.3); exact only when it could exceed <paramref name="limit"/>.</summary>
    private static int StringLength(JsonElement value, int limit)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var content = raw[1..^1];
        if (content.Length <= limit)
        {
            return content.Length; // UTF-8 bytes and escapes only ever overcount code points.
        }

        if (content.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            foreach (var b in content)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        var text = value.GetString()!;
        var runes = 0;
        foreach (var unused in text.EnumerateRunes())
        {
            runes++;
        }

        return runes;
    }

    private static bool IsDateTime(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Rfc3339.TryParse(raw, out _);
        }

        return Rfc3339.TryParse(Encoding.UTF8.GetBytes(value.GetString()!), out _);
    }

    private static bool IsEnumValue(JsonElement value, EnumConstraint values)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return values.Contains(raw);
        }

        return values.Contains(Encoding.UTF8.GetBytes(value.GetString()!));
    }
}
