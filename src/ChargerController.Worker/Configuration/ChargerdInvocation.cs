namespace ChargerController.Worker.Configuration;

/// <summary>What the command line asked for.</summary>
/// <param name="ConfigPath">Configuration file to read.</param>
/// <param name="ConfigRequired">True when the user named the file: then a missing file is an error, not a default.</param>
/// <param name="Overrides">Configuration keys set by flags.</param>
internal sealed record ChargerdInvocation(string ConfigPath, bool ConfigRequired, IReadOnlyDictionary<string, string?> Overrides);
