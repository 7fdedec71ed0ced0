using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Serialization;

namespace ChargerController.Ocpp.Validation;

/// <summary>
/// When the CSMS picked <c>ocpp2.0.1</c>, the station still builds 2.1 payloads (one model for both versions) and
/// passes them through here before sending: fields 2.0.1 does not define are dropped (its schemas say
/// <c>additionalProperties: false</c>), optional enum values 2.0.1 does not know are dropped, and the result is
/// validated against the 2.0.1 schema. Anything that cannot be fixed by dropping (a 2.1-only action, a required
/// field with a 2.1-only value, a 2.1 length) is reported instead of sent. A pure function.
/// </summary>
public static class Ocpp201PayloadProjector
{
    /// <summary>Projects <paramref name="payload"/> of <paramref name="action"/> onto the 2.0.1 schema.</summary>
    /// <param name="action">Action name, e.g. <c>TransactionEvent</c>.</param>
    /// <param name="kind">Request or response (2.0.1 has no SEND).</param>
    /// <param name="payload">The 2.1 payload as serialized by <see cref="OcppJsonContext"/>.</param>
    /// <returns>The payload to send, what was removed, or why it cannot be sent.</returns>
    public static PayloadProjection Project(string action, PayloadKind kind, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!ActionCatalog.IsKnown(action, OcppVersion.V201) || OcppSchemaModels.V201.Find(action, kind) is not { } schema)
        {
            return new PayloadProjection(null, [], new PayloadViolation(RpcErrorCode.NotSupported, string.Empty, "Action does not exist in OCPP 2.0.1 and must not be sent on a 2.0.1 connection."));
        }

        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new PayloadProjection(null, [], new PayloadViolation(RpcErrorCode.ProtocolError, string.Empty, "The payload must be a JSON object."));
        }

        // Fast path: most payloads (every payload of a 2.0.1 action that uses no 2.1 field) are already valid.
        if (ConstraintWalker.CheckObject(payload, schema) is null)
        {
            return new PayloadProjection(JsonMarshal.GetRawUtf8Value(payload).ToArray(), [], null);
        }

        var removed = new List<string>();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, payload, schema, string.Empty, removed);
        }

        var projected = buffer.WrittenSpan.ToArray();
        using var document = JsonDocument.Parse(projected);
        var violation = ConstraintWalker.CheckObject(document.RootElement, schema)?.ToViolation();
        return violation is null
            ? new PayloadProjection(projected, removed, null)
            : new PayloadProjection(null, removed, violation);
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement element, ObjectConstraint schema, string path, List<string> removed)
    {
        writer.WriteStartObject();
        foreach (var property in element.EnumerateObject())
        {
            var index = -1;
            for (var i = 0; i < schema.Properties.Count; i++)
            {
                if (property.NameEquals(schema.Properties[i].Utf8Name))
                {
                    index = i;
                    break;
                }
            }

            var propertyPath = path + "/" + property.Name;
            if (index < 0)
            {
                if (schema.AllowAdditionalProperties)
                {
                    property.WriteTo(writer);
                }
                else
                {
                    removed.Add(propertyPath);
                }

                continue;
            }

            var constraint = schema.Properties[index];
            if (!constraint.Required && !Representable(property.Value, constraint.Value))
            {
                removed.Add(propertyPath);
                continue;
            }

            writer.WritePropertyName(property.Name);
            WriteValue(writer, property.Value, constraint.Value, propertyPath, removed);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, ValueConstraint constraint, string path, List<string> removed)
    {
        if (constraint.Kind == ValueConstraintKind.Object && value.ValueKind == JsonValueKind.Object)
        {
            WriteObject(writer, value, constraint.ObjectType!, path, removed);
        }
        else if (constraint.Kind == ValueConstraintKind.Array && value.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = path + "/" + index++;
                if (!Representable(item, constraint.Items!))
                {
                    removed.Add(itemPath);
                    continue;
                }

                WriteValue(writer, item, constraint.Items!, itemPath, removed);
            }

            writer.WriteEndArray();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>False for an enum value 2.0.1 lacks, or an array left with fewer than minItems once such items go.</summary>
    private static bool Representable(JsonElement value, ValueConstraint constraint)
    {
        switch (constraint.Kind)
        {
            case ValueConstraintKind.Enum:
                return ConstraintWalker.CheckValue(value, constraint, string.Empty) is null;
            case ValueConstraintKind.Array when value.ValueKind == JsonValueKind.Array:
                var kept = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Representable(item, constraint.Items!))
                    {
                        kept++;
                    }
                }

                return kept >= constraint.MinItems;
            default:
                return true;
        }
    }
}
