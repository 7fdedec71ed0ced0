using System.Text.Json.Serialization;

namespace ChargerController.Hardware.Board;

/// <summary>Source-generated (AOT-safe) serializer for board profiles: camelCase, enums as names, comments allowed, unknown keys rejected so a typo never silently drops a pin.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(HardwareOptions))]
internal sealed partial class BoardProfileJsonContext : JsonSerializerContext
{
}
