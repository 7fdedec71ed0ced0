using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Transport;
using ChargerController.Ocpp.Validation;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;

namespace ChargerController.Ocpp.Tests.Integration;

/// <summary>
/// The library as a station uses it: generated messages, the schema validator and the action catalogue wired into the
/// engine, over a real WebSocket against the loopback CSMS, in both negotiated versions.
/// </summary>
public sealed class GeneratedModelOverWebSocketTests
{
    [Fact]
    public async Task Ocpp201Negotiated_TwoPointOneOnlyFieldIsStrippedOnTheWire()
    {
        await using var csms = await LoopbackCsms.StartAsync(new() { SupportedSubprotocols = ["ocpp2.0.1"] });
        csms.Respond("LogStatusNotification", "{}");
        await using var station = await ConnectAsync(csms);
        Assert.Equal(OcppVersion.V201, station.Version);

        await station.CallAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(
            new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Uploading, RequestId = 7, StatusInfo = new StatusInfoType { ReasonCode = "x" } },
            CancellationToken.None);

        var call = await (await csms.WaitForSessionAsync()).WaitForCallAsync("LogStatusNotification");
        var payload = call.Json!.Value[3];
        Assert.False(payload.TryGetProperty("statusInfo", out _), call.Text);
        Assert.Equal(7, payload.GetProperty("requestId").GetInt32());
        Assert.Null(new SchemaPayloadValidator().Validate(OcppVersion.V201, "LogStatusNotification", PayloadKind.Request, payload));
    }

    [Fact]
    public async Task Ocpp21Negotiated_SameFieldIsSent()
    {
        await using var csms = await LoopbackCsms.StartAsync();
        csms.Respond("LogStatusNotification", "{}");
        await using var station = await ConnectAsync(csms);
        Assert.Equal(OcppVersion.V21, station.Version);

        await station.CallAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(
            new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Uploading, RequestId = 7, StatusInfo = new StatusInfoType { ReasonCode = "x" } },
            CancellationToken.None);

        var call = await (await csms.WaitForSessionAsync()).WaitForCallAsync("LogStatusNotification");
        Assert.Equal("x", call.Json!.Value[3].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task Ocpp201Negotiated_TwoPointOneOnlyAction_IsNotSent()
    {
        await using var csms = await LoopbackCsms.StartAsync(new() { SupportedSubprotocols = ["ocpp2.0.1"] });
        await using var station = await ConnectAsync(csms);

        await Assert.ThrowsAsync<NotSupportedException>(() => station.CallAsync<Messages.SmartCharging.NotifyPriorityChargingRequest, Messages.SmartCharging.NotifyPriorityChargingResponse>(
            new Messages.SmartCharging.NotifyPriorityChargingRequest { TransactionId = "tx-1", Activated = true }, CancellationToken.None));
        var session = await csms.WaitForSessionAsync();
        Assert.DoesNotContain(session.FromStation, f => f.Action == "NotifyPriorityCharging");
    }

    [Theory]
    [InlineData("Reset", """{"type":"Immediate"}""", null)]
    [InlineData("Reset", """{}""", "OccurrenceConstraintViolation")]
    [InlineData("Reset", """{"type":"Sometime"}""", "PropertyConstraintViolation")]
    [InlineData("Reset", """{"type":"Immediate","evseId":"one"}""", "TypeConstraintViolation")]
    [InlineData("Reset", """{"type":"Immediate","colour":"red"}""", "FormatViolation")]
    [InlineData("NoSuchAction", """{}""", "NotImplemented")]
    [InlineData("UpdateFirmware", """{"retries":1,"requestId":1,"firmware":{"location":"http://x","retrieveDateTime":"2025-01-01T00:00:00Z"}}""", "NotSupported")]
    public async Task CsmsCall_ValidatedAgainstTheOfficialSchema_AnsweredWithThePrescribedCode(string action, string payload, string? expectedError)
    {
        await using var csms = await LoopbackCsms.StartAsync();
        await using var station = await ConnectAsync(csms, handlers => handlers.Register(new AcceptReset()));
        var session = await csms.WaitForSessionAsync();

        var reply = await session.CallAsync(action, payload);

        if (expectedError is null)
        {
            Assert.Equal(3, reply[0].GetInt32());
            Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        }
        else
        {
            Assert.Equal(4, reply[0].GetInt32());
            Assert.Equal(expectedError, reply[2].GetString());
        }
    }

    private static async Task<OcppConnection> ConnectAsync(LoopbackCsms csms, Action<HandlerRegistry>? register = null)
    {
        var transport = new WebSocketOcppTransport(
            new WebSocketTransportOptions { CsmsUrl = csms.Endpoint, StationId = "CS-MODEL", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "0123456789abcdef" },
            TimeProvider.System,
            new ListLogger());
        var handlers = new HandlerRegistry(OcppJsonContext.Default.Options);
        register?.Invoke(handlers);
        var connection = new OcppConnection(
            transport,
            handlers,
            new OcppConnectionOptions
            {
                Validator = new SchemaPayloadValidator(),
                ValidateOutbound = true,
                IsKnownAction = (version, action) => ActionCatalog.IsKnown(action, version),
                Ocpp201Projection = Ocpp201PayloadProjector.Project,
            },
            TimeProvider.System,
            new ListLogger());
        await connection.StartAsync(CancellationToken.None);
        await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return connection;
    }

    private sealed class AcceptReset : IOcppRequestHandler<ResetRequest, ResetResponse>
    {
        public ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new ResetResponse { Status = ResetStatusEnumType.Accepted });
    }
}
