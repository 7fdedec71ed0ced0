using System.Text.Json;

namespace ChargerController.Ocpp.Validation;

/// <summary>
/// <see cref="IPayloadValidator"/> over the constraint models generated from the official schemas (2.1 and 2.0.1).
/// Stateless and thread-safe; one instance can serve every connection. See Validation/README.md for the design and
/// <see cref="ErrorCodeMapping"/> for the error codes.
/// </summary>
public sealed class SchemaPayloadValidator : IPayloadValidator
{
    /// <inheritdoc/>
    public PayloadViolation? Validate(OcppVersion version, string action, PayloadKind kind, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(action);
        var set = OcppSchemaModels.For(version);
        var schema = set.Find(action, kind);
        if (schema is null)
        {
            return set.HasAction(action)
                ? new PayloadViolation(ErrorCodeMapping.NotAnObject, string.Empty, $"This action has no {kind} payload in OCPP {Name(version)}.")
                : new PayloadViolation(ErrorCodeMapping.UnknownAction, string.Empty, $"Action is not known in OCPP {Name(version)}.");
        }

        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new PayloadViolation(ErrorCodeMapping.NotAnObject, string.Empty, "The payload must be a JSON object.");
        }

        return ConstraintWalker.CheckObject(payload, schema)?.ToViolation();
    }

    private static string Name(OcppVersion version) => version == OcppVersion.V201 ? "2.0.1" : "2.1";
}
