namespace ChargerController.Ocpp.Validation;

/// <summary>The result of projecting an outbound 2.1 payload onto the 2.0.1 schema.</summary>
/// <param name="Utf8Json">The payload to send (UTF-8 JSON object); <see langword="null"/> when it cannot be sent on 2.0.1.</param>
/// <param name="RemovedPaths">Paths of the 2.1-only fields, enum values in optional positions and array items that were dropped.</param>
/// <param name="Violation">Why the payload cannot be sent on a 2.0.1 connection (2.1-only action, a required field whose
/// value 2.0.1 does not allow, a string longer than the 2.0.1 maxLength …); <see langword="null"/> when it can.</param>
public sealed record PayloadProjection(byte[]? Utf8Json, IReadOnlyList<string> RemovedPaths, PayloadViolation? Violation)
{
    /// <summary>Gets a value indicating whether the projected payload may be sent.</summary>
    public bool CanSend => Violation is null;
}
