using System.Text.Json.Serialization;

namespace ChargerController.Cli.Output;

/// <summary>Source-generated JSON for chargerctl output (AOT-safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(MeterReadingJson))]
[JsonSerializable(typeof(CardReadJson))]
[JsonSerializable(typeof(List<MeterScanJson>))]
[JsonSerializable(typeof(SupportBundleJson))]
public sealed partial class CliJsonContext : JsonSerializerContext
{
}
