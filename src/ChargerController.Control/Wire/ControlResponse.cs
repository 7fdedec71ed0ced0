using System.Text.Json;

namespace ChargerController.Control.Wire;

/// <summary>One response line on the control socket.</summary>
/// <param name="Ok">Whether the command succeeded.</param>
/// <param name="Result">Command-specific result object when <paramref name="Ok"/> is true.</param>
/// <param name="Error">The failure when <paramref name="Ok"/> is false.</param>
public sealed record ControlResponse(bool Ok, JsonElement? Result = null, ControlError? Error = null);
