using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Messages.MeterValues;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Messages.SmartCharging;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Tests.Serialization;

public sealed class OcppJsonContextTests
{
    [Fact]
    public void Serialize_OmitsAbsentOptionalFields_AndWritesWireNames()
    {
        var request = new BootNotificationRequest
        {
            ChargingStation = new ChargingStationType { Model = "M1", VendorName = "ACME" },
            Reason = BootReasonEnumType.PowerUp,
        };

        var json = JsonSerializer.Serialize(request, OcppJsonContext.Default.BootNotificationRequest);

        Assert.Equal("""{"chargingStation":{"model":"M1","vendorName":"ACME"},"reason":"PowerUp"}""", json);
    }

    [Fact]
    public void RequiredFieldLeftUnset_IsOmitted_AndOutboundValidationReportsIt()
    {
        var request = new BootNotificationRequest { Reason = BootReasonEnumType.PowerUp };

        using var doc = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(request, OcppJsonContext.Default.BootNotificationRequest));
        var violation = new SchemaPayloadValidator().Validate(OcppVersion.V21, "BootNotification", PayloadKind.Request, doc.RootElement);

        Assert.Equal("""{"reason":"PowerUp"}""", doc.RootElement.GetRawText());
        Assert.Equal(ChargerController.Ocpp.Rpc.RpcErrorCode.OccurrenceConstraintViolation, violation?.ErrorCode);
        Assert.Equal("/chargingStation", violation?.Path);
    }

    [Fact]
    public void EnumMembers_CarryTheirExactWireStrings()
    {
        var request = new MeterValuesRequest
        {
            EvseId = 1,
            MeterValue =
            [
                new MeterValueType
                {
                    Timestamp = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero),
                    SampledValue =
                    [
                        new SampledValueType { Value = 1.5m, Measurand = MeasurandEnumType.EnergyActiveImportRegister, Phase = PhaseEnumType.L1N, Context = ReadingContextEnumType.SampleClock },
                    ],
                },
            ],
        };

        var json = JsonSerializer.Serialize(request, OcppJsonContext.Default.MeterValuesRequest);

        Assert.Contains("\"measurand\":\"Energy.Active.Import.Register\"", json, StringComparison.Ordinal);
        Assert.Contains("\"phase\":\"L1-N\"", json, StringComparison.Ordinal);
        Assert.Contains("\"context\":\"Sample.Clock\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timestamp\":\"2025-01-15T10:00:00Z\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"evconnected\"")]
    [InlineData("\"Unknown\"")]
    [InlineData("3")]
    public void EnumRead_IsExactAndCaseSensitive(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, OcppJsonContext.Default.ChargingStateEnumType));
    }

    [Fact]
    public void EnumRead_EscapedWireString_IsUnescapedFirst()
    {
        Assert.Equal(MeasurandEnumType.EnergyActiveImportRegister, JsonSerializer.Deserialize("\"Energy\\u002EActive.Import.Register\"", OcppJsonContext.Default.MeasurandEnumType));
    }

    [Fact]
    public void ChargingStateEnum_EVConnected_RoundTrips()
    {
        var value = JsonSerializer.Deserialize("\"EVConnected\"", OcppJsonContext.Default.ChargingStateEnumType);
        Assert.Equal(ChargingStateEnumType.EVConnected, value);
        Assert.Equal("\"EVConnected\"", JsonSerializer.Serialize(value, OcppJsonContext.Default.ChargingStateEnumType));
    }

    [Fact]
    public void DateTime_NonUtcOffset_IsWrittenAsUtcWithZ_MillisecondsKept()
    {
        var request = new HeartbeatResponseProbe(new DateTimeOffset(2025, 1, 15, 12, 30, 0, 250, TimeSpan.FromHours(2)));
        Assert.Equal("""{"currentTime":"2025-01-15T10:30:00.25Z"}""", request.Json);
    }

    [Fact]
    public void DateTime_ReadKeepsOffsetAndSubMillisecondPrecision()
    {
        var response = JsonSerializer.Deserialize("""{"currentTime":"2025-01-15T12:30:00.1234567+02:00"}""", OcppJsonContext.Default.HeartbeatResponse)!;
        Assert.Equal(TimeSpan.FromHours(2), response.CurrentTime.Offset);
        Assert.Equal(1_234_567, response.CurrentTime.Ticks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData("\"2025-01-15\"")]
    [InlineData("\"2025-01-15T10:30:00\"")]
    [InlineData("1736937000")]
    public void DateTime_NotRfc3339_ThrowsJsonException(string value)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"currentTime\":" + value + "}", OcppJsonContext.Default.HeartbeatResponse));
    }

    [Fact]
    public void CustomData_IsKeptAsRawJson_AndWrittenBackVerbatim()
    {
        const string json = """{"idToken":{"idToken":"04A2","type":"ISO14443"},"customData":{"vendorId":"org.example","nested":{"a":[1,2.50,"x"]}}}""";
        var request = JsonSerializer.Deserialize(json, OcppJsonContext.Default.AuthorizeRequest)!;
        Assert.Equal("org.example", request.CustomData!.Value.GetProperty("vendorId").GetString());
        Assert.Equal(json, JsonSerializer.Serialize(request, OcppJsonContext.Default.AuthorizeRequest));
    }

    [Fact]
    public void TwoZeroOnePayloads_ReadIntoTheOneModel()
    {
        // 2.0.1 VariableMonitoringType has no eventNotificationType (required in 2.1); 2.0.1 ACChargingParametersType
        // uses integers where 2.1 has numbers; 2.0.1 idToken.type is an enum value, 2.1 a string.
        const string monitoring = """{"requestId":1,"seqNo":0,"generatedAt":"2025-01-15T10:45:00Z","monitor":[{"component":{"name":"EVSE"},"variable":{"name":"Power"},"variableMonitoring":[{"id":1,"transaction":false,"value":11000,"type":"UpperThreshold","severity":5}]}]}""";
        using (var doc = JsonDocument.Parse(monitoring))
        {
            Assert.Null(new SchemaPayloadValidator().Validate(OcppVersion.V201, "NotifyMonitoringReport", PayloadKind.Request, doc.RootElement));
        }

        var report = JsonSerializer.Deserialize(monitoring, OcppJsonContext.Default.NotifyMonitoringReportRequest)!;
        Assert.Null(report.Monitor![0].VariableMonitoring[0].EventNotificationType);
        using (var written = JsonDocument.Parse(JsonSerializer.Serialize(report, OcppJsonContext.Default.NotifyMonitoringReportRequest)))
        {
            // Written back without inventing the 2.1-only field: still a valid 2.0.1 payload.
            Assert.Null(new SchemaPayloadValidator().Validate(OcppVersion.V201, "NotifyMonitoringReport", PayloadKind.Request, written.RootElement));
        }

        const string needs = """{"chargingNeeds":{"requestedEnergyTransfer":"AC_three_phase","acChargingParameters":{"energyAmount":20000,"evMinCurrent":6,"evMaxCurrent":32,"evMaxVoltage":400}},"evseId":1}""";
        var needsRequest = JsonSerializer.Deserialize(needs, OcppJsonContext.Default.NotifyEVChargingNeedsRequest)!;
        Assert.Equal(32m, needsRequest.ChargingNeeds.AcChargingParameters!.EvMaxCurrent);

        var authorize = JsonSerializer.Deserialize("""{"idToken":{"idToken":"04A2","type":"ISO14443"}}""", OcppJsonContext.Default.AuthorizeRequest)!;
        Assert.Equal("ISO14443", authorize.IdToken.Type);
    }

    private sealed class HeartbeatResponseProbe(DateTimeOffset time)
    {
        public string Json { get; } = JsonSerializer.Serialize(
            new ChargerController.Ocpp.Messages.Availability.HeartbeatResponse { CurrentTime = time },
            OcppJsonContext.Default.HeartbeatResponse);
    }
}
