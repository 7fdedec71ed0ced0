using System.Text.Json;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Engine.TestModel;

/// <summary>
/// A tiny stand-in for the generated schema validator: Reset.type must be Immediate/OnIdle (missing → occurrence,
/// other → property violation); Heartbeat response needs a string currentTime (else type violation).
/// </summary>
public sealed class TestPayloadValidator : IPayloadValidator
{
    public List<(OcppVersion Version, string Action, PayloadKind Kind)> Calls { get; } = [];

    public PayloadViolation? Validate(OcppVersion version, string action, PayloadKind kind, JsonElement payload)
    {
        lock (Calls)
        {
            Calls.Add((version, action, kind));
        }

        if (action == "Reset" && kind == PayloadKind.Request)
        {
            if (!payload.TryGetProperty("type", out var type))
            {
                return new PayloadViolation(RpcErrorCode.OccurrenceConstraintViolation, "/type", "required property missing");
            }

            if (type.ValueKind != JsonValueKind.String || type.GetString() is not ("Immediate" or "OnIdle"))
            {
                return new PayloadViolation(RpcErrorCode.PropertyConstraintViolation, "/type", "not a ResetEnumType value");
            }
        }

        if (action == "Heartbeat" && kind == PayloadKind.Response)
        {
            if (!payload.TryGetProperty("currentTime", out var time) || time.ValueKind != JsonValueKind.String)
            {
                return new PayloadViolation(RpcErrorCode.TypeConstraintViolation, "/currentTime", "must be a date-time string");
            }
        }

        return null;
    }
}
