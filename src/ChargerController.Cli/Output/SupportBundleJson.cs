using System.Text.Json.Serialization;

namespace ChargerController.Cli.Output;

/// <summary><c>chargerctl support-bundle --json</c>.</summary>
/// <param name="Path">The archive written.</param>
/// <param name="Files">The files in it.</param>
/// <param name="Warnings">What could not be collected, and why.</param>
public sealed record SupportBundleJson(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);
