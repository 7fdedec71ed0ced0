using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Tests.Engine.TestModel;
using ChargerController.Ocpp.Transport;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>The engine is role-agnostic: the same class serves as station and as CSMS; stop semantics.</summary>
public sealed class OcppConnectionRoleTests
{
    [Fact]
    public async Task BothEnds_EngineAsStationAndAsCsms_TypedCallsBothWays()
    {
        var time = new FakeTimeProvider();
        var pair = new InMemoryTransportPair();
        var csmsHandlers = new HandlerRegistry(TestJsonContext.Default.Options);
        csmsHandlers.Register(new BootHandler(time));
        var stationHandlers = new HandlerRegistry(TestJsonContext.Default.Options);
        stationHandlers.Register(new ResetHandler());
        await using var csms = new OcppConnection(pair.Csms, csmsHandlers, new OcppConnectionOptions(), time, new ListLogger());
        await using var station = new OcppConnection(pair.Station, stationHandlers, new OcppConnectionOptions(), time, new ListLogger());
        await csms.StartAsync(CancellationToken.None);
        await station.StartAsync(CancellationToken.None);
        pair.Connect(OcppVersion.V21);
        await station.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(EngineHarness.Wait);
        await csms.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(EngineHarness.Wait);

        var boot = await station.CallAsync<BootNotificationRequest, BootNotificationResponse>(new BootNotificationRequest("PowerUp", new ChargingStationType("m", "v")), CancellationToken.None).WaitAsync(EngineHarness.Wait);
        var reset = await csms.CallAsync<ResetRequest, ResetResponse>(new ResetRequest("OnIdle"), CancellationToken.None).WaitAsync(EngineHarness.Wait);

        Assert.Equal("Accepted", boot.Status);
        Assert.Equal("Scheduled", reset.Status);
    }

    [Fact]
    public async Task StopAsync_PendingAndQueuedCalls_FailWithConnectionLost()
    {
        var h = await EngineHarness.StartAsync();
        var inFlight = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "p1", CancellationToken.None);
        var queued = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "p2", CancellationToken.None);
        await h.NextFrameAsync();

        await h.Connection.StopAsync(CancellationToken.None);

        await Assert.ThrowsAsync<OcppConnectionLostException>(() => inFlight.WaitAsync(EngineHarness.Wait));
        await Assert.ThrowsAsync<OcppConnectionLostException>(() => queued.WaitAsync(EngineHarness.Wait));
        Assert.False(h.Connection.IsConnected);
        Assert.Throws<ObjectDisposedException>(() => { _ = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None); });
    }

    [Fact]
    public async Task InboundFlood_BeyondBacklog_RefusedWithGenericErrorNotBuffered()
    {
        await using var h = await EngineHarness.StartAsync();
        var gate = new TaskCompletionSource();
        h.Handlers.Register(new BlockingResetHandler(gate.Task));
        for (var i = 0; i < 40; i++)
        {
            await h.PeerSendAsync($$"""[2,"f{{i}}","Reset",{"type":"Immediate"}]""");
        }

        // One is being handled (or still first in line), 32 wait; the rest is refused at once, before any handling ends.
        var ids = new HashSet<string>();
        var refused = 0;
        for (var i = 0; i < 7; i++)
        {
            var frame = await h.NextFrameAsync();
            Assert.Equal("GenericError", frame[2].GetString());
            Assert.True(ids.Add(frame[1].GetString()!));
            refused++;
        }

        gate.SetResult();
        var answered = 0;
        for (var i = 0; i < 33; i++)
        {
            var frame = await h.NextFrameAsync();
            Assert.True(ids.Add(frame[1].GetString()!));
            if (frame[0].GetInt32() == 3)
            {
                answered++;
            }
            else
            {
                refused++;
            }
        }

        Assert.InRange(refused, 7, 8);
        Assert.Equal(40, refused + answered);
    }

    [Fact]
    public void Register_TypeWithoutTypeInfoOrSuffix_Throws()
    {
        var registry = new HandlerRegistry(TestJsonContext.Default.Options);
        Assert.Throws<InvalidOperationException>(() => registry.Register(new UnknownTypeHandler()));
        Assert.Throws<ArgumentException>(() => registry.Register(new NoSuffixHandler()));
    }

    private sealed class BootHandler(TimeProvider time) : IOcppRequestHandler<BootNotificationRequest, BootNotificationResponse>
    {
        public ValueTask<BootNotificationResponse> HandleAsync(BootNotificationRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new BootNotificationResponse(time.GetUtcNow(), 300, request.Reason == "PowerUp" ? "Accepted" : "Rejected"));
    }

    private sealed class ResetHandler : IOcppRequestHandler<ResetRequest, ResetResponse>
    {
        public ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new ResetResponse(request.Type == "OnIdle" ? "Scheduled" : "Accepted"));
    }

    private sealed class BlockingResetHandler(Task gate) : IOcppRequestHandler<ResetRequest, ResetResponse>
    {
        public async ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return new ResetResponse("Accepted");
        }
    }

    private sealed class UnknownTypeHandler : IOcppRequestHandler<NotInContextRequest, ResetResponse>
    {
        public ValueTask<ResetResponse> HandleAsync(NotInContextRequest request, OcppRequestContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class NoSuffixHandler : IOcppRequestHandler<ResetResponse, ResetResponse>
    {
        public ValueTask<ResetResponse> HandleAsync(ResetResponse request, OcppRequestContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed record NotInContextRequest(int X);
}
