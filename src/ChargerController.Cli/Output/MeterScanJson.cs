using System.Text.Json.Serialization;

namespace ChargerController.Cli.Output;

/// <summary>One answering address of <c>meter scan --json</c>.</summary>
public sealed record MeterScanJson
{
    /// <summary>Modbus address.</summary>
    [JsonPropertyName("address")]
    public required int Address { get; init; }

    /// <summary>Profiles whose full snapshot read back plausible values, best first.</summary>
    [JsonPropertyName("profiles")]
    public required IReadOnlyList<string> Profiles { get; init; }
}
