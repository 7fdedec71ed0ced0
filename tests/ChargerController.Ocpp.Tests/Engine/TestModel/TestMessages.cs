using System.Text.Json.Serialization;

#pragma warning disable SA1402, SA1649 // Test-only wire model: a handful of tiny records kept together on purpose.

namespace ChargerController.Ocpp.Tests.Engine.TestModel;

public sealed record HeartbeatRequest;

public sealed record HeartbeatResponse([property: JsonPropertyName("currentTime")] DateTimeOffset CurrentTime);

public sealed record ResetRequest([property: JsonPropertyName("type")] string Type);

public sealed record ResetResponse([property: JsonPropertyName("status")] string Status);

public sealed record BootNotificationRequest(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("chargingStation")] ChargingStationType ChargingStation);

public sealed record ChargingStationType(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("vendorName")] string VendorName);

public sealed record BootNotificationResponse(
    [property: JsonPropertyName("currentTime")] DateTimeOffset CurrentTime,
    [property: JsonPropertyName("interval")] int Interval,
    [property: JsonPropertyName("status")] string Status);

public sealed record NotifyPeriodicEventStream(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("pending")] int Pending);

public sealed record UnlockConnectorRequest([property: JsonPropertyName("evseId")] int EvseId, [property: JsonPropertyName("connectorId")] int ConnectorId);

public sealed record UnlockConnectorResponse([property: JsonPropertyName("status")] string Status);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(ResetRequest))]
[JsonSerializable(typeof(ResetResponse))]
[JsonSerializable(typeof(BootNotificationRequest))]
[JsonSerializable(typeof(BootNotificationResponse))]
[JsonSerializable(typeof(NotifyPeriodicEventStream))]
[JsonSerializable(typeof(UnlockConnectorRequest))]
[JsonSerializable(typeof(UnlockConnectorResponse))]
public sealed partial class TestJsonContext : JsonSerializerContext;
