namespace ChargerController.Control.Wire;

/// <summary>The answer of a command that changes something (evse.*, hw.*, sim.*): what chargerd did, in words a technician reads.</summary>
/// <param name="Message">What happened, e.g. <c>EVSE 1: session authorized</c>.</param>
public sealed record CommandResult(string Message);
