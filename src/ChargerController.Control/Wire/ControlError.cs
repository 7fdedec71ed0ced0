namespace ChargerController.Control.Wire;

/// <summary>Why a control request failed.</summary>
/// <param name="Code">Stable machine-readable code (see <see cref="ControlErrorCodes"/>).</param>
/// <param name="Message">What a technician should read.</param>
public sealed record ControlError(string Code, string Message);
