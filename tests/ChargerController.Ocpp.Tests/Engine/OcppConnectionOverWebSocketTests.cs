using System.Text.Json;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Tests.Engine.TestModel;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>The whole stack on a real socket: engine + WebSocket transport against the loopback CSMS.</summary>
public sealed class OcppConnectionOverWebSocketTests : IAsyncLifetime
{
    private LoopbackCsms _csms = null!;
    private OcppConnection _station = null!;
    private HandlerRegistry _handlers = null!;

    public async Task InitializeAsync()
    {
        _csms = await LoopbackCsms.StartAsync(new() { BasicAuthPassword = "0123456789abcdef" });
        var transport = new WebSocketOcppTransport(
            new WebSocketTransportOptions
            {
                CsmsUrl = _csms.Endpoint,
                StationId = "CS001",
                SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
                BasicAuthPassword = "0123456789abcdef",
                MaxFrameBytes = 8192,
                WebSocketPingInterval = TimeSpan.FromSeconds(30),
            },
            TimeProvider.System,
            new ListLogger());
        _handlers = new HandlerRegistry(TestJsonContext.Default.Options);
        _station = new OcppConnection(transport, _handlers, new OcppConnectionOptions { Validator = new TestPayloadValidator(), IsKnownAction = TestActions.IsKnown }, TimeProvider.System, new ListLogger());
        await _station.StartAsync(CancellationToken.None);
        await _station.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        await _station.DisposeAsync();
        await _csms.DisposeAsync();
    }

    [Fact]
    public async Task CallAsync_ScriptedCsms_TypedRoundTrip()
    {
        _csms.Respond("BootNotification", req => $$"""{"currentTime":"2025-01-01T00:00:00Z","interval":300,"status":"{{(req.GetProperty("reason").GetString() == "PowerUp" ? "Accepted" : "Rejected")}}"}""");

        var response = await _station.CallAsync<BootNotificationRequest, BootNotificationResponse>(
            new BootNotificationRequest("PowerUp", new ChargingStationType("m", "v")), CancellationToken.None);

        Assert.Equal("Accepted", response.Status);
        var session = await _csms.WaitForSessionAsync();
        Assert.Equal("ocpp2.1", session.Subprotocol);
        Assert.Equal([2, 3], session.Frames.Select(f => f.MessageTypeNumber!.Value));
    }

    [Fact]
    public async Task CsmsCall_StationHandler_AnswersOnTheWire()
    {
        _handlers.Register(new AcceptingReset());
        var session = await _csms.WaitForSessionAsync();

        var reply = await session.CallAsync("Reset", """{"type":"Immediate"}""");
        Assert.Equal("""[3,"csms-1",{"status":"Accepted"}]""", reply.GetRawText());

        var unknown = await session.CallAsync("GetLog", "{}");
        Assert.Equal("NotSupported", unknown[2].GetString());
    }

    [Fact]
    public async Task CsmsCallErrorForOurCall_SurfacesAsException()
    {
        _csms.RespondWithError("Heartbeat", "InternalError", "database down");
        var ex = await Assert.ThrowsAsync<OcppCallErrorException>(() => _station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None));
        Assert.Equal(RpcErrorCode.InternalError, ex.ErrorCode);
    }

    [Fact]
    public async Task GarbageAndHugeFrames_PrescribedCallErrors_ConnectionSurvives()
    {
        var session = await _csms.WaitForSessionAsync();
        await session.SendTextAsync("this is not json");
        var garbage = await session.WaitForAnswerAsync("-1");
        Assert.Equal("RpcFrameworkError", garbage.Json!.Value[2].GetString());

        await session.SendTextAsync("[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + new string('z', 50_000) + "\"}]");
        var huge = await session.WaitForAnswerAsync("big-1");
        Assert.Equal("FormatViolation", huge.Json!.Value[2].GetString());

        await session.SendTextAsync("[2,\"bad-json\",\"Reset\",{\"type\":}");
        Assert.Equal("FormatViolation", (await session.WaitForAnswerAsync("bad-json")).Json!.Value[2].GetString());

        _csms.Respond("Heartbeat", """{"currentTime":"2025-01-01T00:00:00Z"}""");
        var alive = await _station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None);
        Assert.Equal(2025, alive.CurrentTime.Year);
        Assert.Single(_csms.Sessions);
    }

    private sealed class AcceptingReset : IOcppRequestHandler<ResetRequest, ResetResponse>
    {
        public ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new ResetResponse("Accepted"));
    }
}
