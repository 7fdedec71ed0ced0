using System.Text.Json.Serialization;

namespace ChargerController.Control.Wire;

/// <summary>Source-generated JSON for the control socket (AOT-safe). camelCase; nulls are written so scripts see every documented field.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlResponse))]
[JsonSerializable(typeof(StationStatus))]
[JsonSerializable(typeof(CommandResult))]
public sealed partial class ControlJsonContext : JsonSerializerContext;
