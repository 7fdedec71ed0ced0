using System.Text.Json.Serialization;

namespace ChargerController.Control.Wire;

/// <summary>Source-generated JSON for the control socket (AOT-safe). camelCase; nulls are written so scripts see every documented field.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlResponse))]
[JsonSerializable(typeof(StationStatus))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(ConfigVariable))]
[JsonSerializable(typeof(ConfigList))]
[JsonSerializable(typeof(ConfigSetResult))]
[JsonSerializable(typeof(QueueStats))]
[JsonSerializable(typeof(QueueList))]
[JsonSerializable(typeof(AuthList))]
[JsonSerializable(typeof(AuthListEntry))]
[JsonSerializable(typeof(DatabaseStats))]
public sealed partial class ControlJsonContext : JsonSerializerContext;
