namespace ChargerController.Ocpp.Generator;

/// <summary>One generated source file.</summary>
/// <param name="RelativePath">Path below the ChargerController.Ocpp project folder, with '/' separators.</param>
/// <param name="Content">Full file text, LF line endings.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
