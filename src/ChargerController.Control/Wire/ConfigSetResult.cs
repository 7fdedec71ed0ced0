namespace ChargerController.Control.Wire;

/// <summary>The answer to a successful <c>config.set</c>.</summary>
/// <param name="Key">The canonical key.</param>
/// <param name="Status">OCPP SetVariableStatus: <c>Accepted</c> or <c>RebootRequired</c>.</param>
/// <param name="Message">What happened, in words.</param>
public sealed record ConfigSetResult(string Key, string Status, string Message);
