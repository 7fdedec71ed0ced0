using System.Text.Json.Serialization;

namespace ChargerController.Hardware.Meters;

/// <summary>Source-generated JSON for meter profiles (AOT/trim safe, conventions rule 7). Unknown fields are errors so typos surface.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(MeterProfileDocument))]
internal sealed partial class MeterProfileJsonContext : JsonSerializerContext
{
}
