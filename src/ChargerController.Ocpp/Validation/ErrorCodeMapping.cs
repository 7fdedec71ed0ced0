using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Validation;

/// <summary>
/// Which CALLERROR / CALLRESULTERROR code a schema violation gets. Part 4 §4.3 Table 9 defines the codes only by
/// one-line descriptions; we read them against the Part 2 field tables, whose columns are Field Type and Card.:
/// <list type="bullet">
/// <item>the Card. column is the occurrence constraint (1..1, 0..1, 0..*, 1..4), so a missing required field or an
/// array with too few / too many items is <c>OccurrenceConstraintViolation</c> (B06.FR.16 uses that code for "more
/// elements than allowed");</item>
/// <item>a value of the wrong JSON kind — Table 9's own example <c>"somestring": 12</c> — or a text that is not the
/// primitive datatype the field has (integer outside 32 bits or with a fraction, dateTime not RFC 3339, Part 2
/// §2.1.4) is <c>TypeConstraintViolation</c>;</item>
/// <item>a value of the right type that the schema still refuses — not one of the enum values, longer than
/// maxLength, outside minimum/maximum — "contains an invalid value": <c>PropertyConstraintViolation</c>;</item>
/// <item>a property the schema does not define (<c>additionalProperties: false</c>) makes the payload not the
/// syntax of that action: <c>FormatViolation</c> (conventions house rule 7);</item>
/// <item>a payload that is not a JSON object at all does not have the PDU structure (Part 4 §4.2.1: the payload is a
/// JSON object): <c>ProtocolError</c>; a schema lookup for a kind the action does not have (a CALL of a SEND-only
/// action) is the same.</item>
/// </list>
/// </summary>
internal static class ErrorCodeMapping
{
    public const RpcErrorCode MissingRequired = RpcErrorCode.OccurrenceConstraintViolation;

    public const RpcErrorCode Cardinality = RpcErrorCode.OccurrenceConstraintViolation;

    public const RpcErrorCode WrongType = RpcErrorCode.TypeConstraintViolation;

    public const RpcErrorCode BadDateTime = RpcErrorCode.TypeConstraintViolation;

    public const RpcErrorCode Bounds = RpcErrorCode.PropertyConstraintViolation;

    public const RpcErrorCode AdditionalProperty = RpcErrorCode.FormatViolation;

    public const RpcErrorCode NotAnObject = RpcErrorCode.ProtocolError;

    public const RpcErrorCode UnknownAction = RpcErrorCode.NotImplemented;
}
