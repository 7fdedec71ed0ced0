namespace ChargerController.Ocpp.Validation;

/// <summary>
/// The run-time switch for schema validation, read by whoever sends and receives frames (the engine). Inbound
/// payloads are always validated (Part 4 §4.3 codes); outbound validation is for field diagnosis and tests, since
/// payloads built from the generated types can only break maxLength, bounds and array sizes.
/// </summary>
public sealed record PayloadValidationOptions
{
    /// <summary>Gets a value indicating whether outbound CALL/CALLRESULT/SEND payloads are validated before sending;
    /// a violation is then a local programming error to log, not something to put on the wire.</summary>
    public bool ValidateOutbound { get; init; }
}
