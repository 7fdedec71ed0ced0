using System.Globalization;
using System.Text.Json.Nodes;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Validation;

/// <summary>
/// Enumerates single-change variants of a valid payload at every location: every boundary (maxLength, minimum,
/// maximum, minItems, maxItems, on and just past it), every enum value, wrong JSON kinds, null, bad date-times,
/// a missing required field and an unknown property — each with the error code Part 4 §4.3 prescribes.
/// </summary>
internal static class PayloadMutator
{
    private const string UnknownProperty = "unexpectedProperty";

    public static List<PayloadMutation> All(JsonObject valid, ObjectConstraint schema)
    {
        var result = new List<PayloadMutation>();
        Object(valid, schema, [], result);
        return result;
    }

    private static void Object(JsonObject root, ObjectConstraint schema, List<object> path, List<PayloadMutation> result)
    {
        var here = (JsonObject)Navigate(root, path)!;
        result.Add(Change(root, path, o => ((JsonObject)o!)[UnknownProperty] = 1, schema.AllowAdditionalProperties ? null : RpcErrorCode.FormatViolation, [.. path, UnknownProperty], "unknown property", schema.Name));
        foreach (var p in schema.Properties)
        {
            if (!here.ContainsKey(p.Name))
            {
                continue;
            }

            List<object> at = [.. path, p.Name];
            if (p.Required)
            {
                result.Add(Change(root, path, o => ((JsonObject)o!).Remove(p.Name), RpcErrorCode.OccurrenceConstraintViolation, at, "required removed", schema.Name + "." + p.Name));
            }

            Value(root, p.Value, at, result, schema.Name + "." + p.Name);
        }
    }

    private static void Value(JsonObject root, ValueConstraint c, List<object> at, List<PayloadMutation> result, string owner)
    {
        PayloadMutation Set(JsonObject r, List<object> a, object? value, RpcErrorCode? code, string what, bool integer = false) =>
            SetAt(r, a, value, code, what, owner, integer);

        if (c.Kind == ValueConstraintKind.Any)
        {
            return;
        }

        result.Add(Set(root, at, null, RpcErrorCode.TypeConstraintViolation, "null"));
        switch (c.Kind)
        {
            case ValueConstraintKind.String:
                result.Add(Set(root, at, 42, RpcErrorCode.TypeConstraintViolation, "number for string"));
                if (c.MaxLength >= 0)
                {
                    result.Add(Set(root, at, new string('x', c.MaxLength), null, "maxLength"));
                    result.Add(Set(root, at, new string('x', c.MaxLength + 1), RpcErrorCode.PropertyConstraintViolation, "maxLength + 1"));
                }

                break;
            case ValueConstraintKind.DateTime:
                result.Add(Set(root, at, 42, RpcErrorCode.TypeConstraintViolation, "number for date-time"));
                result.Add(Set(root, at, "not-a-date", RpcErrorCode.TypeConstraintViolation, "text for date-time"));
                result.Add(Set(root, at, "2025-02-30T10:00:00Z", RpcErrorCode.TypeConstraintViolation, "30 February"));
                result.Add(Set(root, at, "2025-01-15T10:30:00.123+02:00", null, "offset and fraction"));
                break;
            case ValueConstraintKind.Integer:
                result.Add(Set(root, at, "7", RpcErrorCode.TypeConstraintViolation, "string for integer"));
                result.Add(Set(root, at, 1.5m, RpcErrorCode.TypeConstraintViolation, "fraction for integer"));
                Bounds(root, c, at, result, owner, 1m, integer: true);
                break;
            case ValueConstraintKind.Number:
                result.Add(Set(root, at, "7", RpcErrorCode.TypeConstraintViolation, "string for number"));
                Bounds(root, c, at, result, owner, 0.001m);
                break;
            case ValueConstraintKind.Boolean:
                result.Add(Set(root, at, "true", RpcErrorCode.TypeConstraintViolation, "string for boolean"));
                break;
            case ValueConstraintKind.Enum:
                result.Add(Set(root, at, 1, RpcErrorCode.TypeConstraintViolation, "number for enum"));
                foreach (var v in c.EnumValues!.Values)
                {
                    result.Add(Set(root, at, v, null, "enum " + v));
                }

                result.Add(Set(root, at, "NotAnEnumValue", RpcErrorCode.PropertyConstraintViolation, "unknown enum value"));
                break;
            case ValueConstraintKind.Object:
                result.Add(Set(root, at, new JsonArray(), RpcErrorCode.TypeConstraintViolation, "array for object"));
                Object(root, c.ObjectType!, at, result);
                break;
            case ValueConstraintKind.Array:
                result.Add(Set(root, at, new JsonObject(), RpcErrorCode.TypeConstraintViolation, "object for array"));
                var first = PayloadFactory.Minimal(c.Items!);
                if (c.MaxItems >= 0)
                {
                    result.Add(Set(root, at, Repeat(first, c.MaxItems), null, "maxItems"));
                    result.Add(Set(root, at, Repeat(first, c.MaxItems + 1), RpcErrorCode.OccurrenceConstraintViolation, "maxItems + 1"));
                }

                if (c.MinItems > 0)
                {
                    result.Add(Set(root, at, Repeat(first, c.MinItems - 1), RpcErrorCode.OccurrenceConstraintViolation, "minItems - 1"));
                }

                Value(root, c.Items!, [.. at, 0], result, owner + "[]");
                break;
        }
    }

    private static void Bounds(JsonObject root, ValueConstraint c, List<object> at, List<PayloadMutation> result, string owner, decimal step, bool integer = false)
    {
        PayloadMutation Set(JsonObject r, List<object> a, object? value, RpcErrorCode? code, string what, bool isInteger) =>
            SetAt(r, a, value, code, what, owner, isInteger);

        if (c.Minimum is { } min)
        {
            result.Add(Set(root, at, min, null, "minimum", integer));
            result.Add(Set(root, at, min - step, RpcErrorCode.PropertyConstraintViolation, "minimum - step", integer));
        }

        if (c.Maximum is { } max)
        {
            result.Add(Set(root, at, max, null, "maximum", integer));
            result.Add(Set(root, at, max + step, RpcErrorCode.PropertyConstraintViolation, "maximum + step", integer));
        }
    }

    private static JsonArray Repeat(JsonNode? item, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(item?.DeepClone());
        }

        return array;
    }

    private static PayloadMutation SetAt(JsonObject root, List<object> at, object? value, RpcErrorCode? code, string what, string owner, bool integer)
    {
        var parentPath = at[..^1];
        var last = at[^1];
        return Change(
            root,
            parentPath,
            parent =>
            {
                var node = value switch
                {
                    null => null,
                    JsonNode n => n,
                    string s => JsonValue.Create(s),
                    int i => JsonValue.Create(i),
                    decimal d when integer => JsonValue.Create(decimal.ToInt32(d)),
                    decimal d => JsonValue.Create(d),
                    _ => throw new ArgumentException("unsupported value"),
                };
                if (last is int index)
                {
                    ((JsonArray)parent!)[index] = node;
                }
                else
                {
                    ((JsonObject)parent!)[(string)last] = node;
                }
            },
            code,
            at,
            what,
            owner);
    }

    private static PayloadMutation Change(JsonObject root, List<object> path, Action<JsonNode?> change, RpcErrorCode? code, List<object> violationPath, string what, string owner)
    {
        var copy = (JsonObject)root.DeepClone();
        change(Navigate(copy, path));
        var pointer = code is null ? string.Empty : string.Concat(violationPath.Select(s => "/" + Convert.ToString(s, CultureInfo.InvariantCulture)));
        return new PayloadMutation(copy, code, pointer, $"{what} at {string.Concat(violationPath.Select(s => "/" + s))}", owner + ":" + what, violationPath);
    }

    /// <summary>
    /// Drops every optional property that is not on the way to <see cref="PayloadMutation.Location"/>, keeping the
    /// change itself: the same verdict on a much smaller document (NJsonSchema's cost grows with document size).
    /// </summary>
    public static JsonObject Pruned(PayloadMutation mutation, ObjectConstraint schema)
    {
        var copy = (JsonObject)mutation.Payload.DeepClone();
        PruneObject(copy, schema, mutation.Location, 0);
        return copy;
    }

    private static void PruneObject(JsonObject node, ObjectConstraint schema, IReadOnlyList<object> path, int depth)
    {
        foreach (var name in node.Select(p => p.Key).ToList())
        {
            var constraint = schema.Properties.FirstOrDefault(p => p.Name == name);
            if (constraint is null)
            {
                continue; // an injected unknown property: the change itself.
            }

            var onPath = depth < path.Count && path[depth] is string s && s == name;
            if (onPath)
            {
                if (depth + 1 < path.Count)
                {
                    PruneValue(node[name], constraint.Value, path, depth + 1);
                }
            }
            else if (constraint.Required)
            {
                PruneValue(node[name], constraint.Value, [], 0);
            }
            else
            {
                node.Remove(name);
            }
        }
    }

    private static void PruneValue(JsonNode? node, ValueConstraint c, IReadOnlyList<object> path, int depth)
    {
        if (c.Kind == ValueConstraintKind.Object && node is JsonObject obj)
        {
            PruneObject(obj, c.ObjectType!, path, depth);
        }
        else if (c.Kind == ValueConstraintKind.Array && node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var onPath = depth < path.Count && path[depth] is int index && index == i;
                if (onPath && depth + 1 == path.Count)
                {
                    continue;
                }

                PruneValue(array[i], c.Items!, onPath ? path : [], onPath ? depth + 1 : 0);
            }
        }
    }

    private static JsonNode? Navigate(JsonNode root, List<object> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            node = segment is int i ? node![i] : node![(string)segment];
        }

        return node;
    }
}
