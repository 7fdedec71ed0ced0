using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Tests.Engine.TestModel;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>Serving the peer's CALLs: dispatch, error codes of Part 4 §4.3, respond-then-act.</summary>
public sealed class OcppConnectionInboundTests
{
    [Fact]
    public async Task IncomingCall_HandlerRegistered_AnsweredWithCallResult()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Handlers.Register(new ResetHandler("Accepted"));
        await h.PeerSendAsync("""[2,"r1","Reset",{"type":"Immediate"}]""");
        Assert.Equal("""[3,"r1",{"status":"Accepted"}]""", await h.NextFrameTextAsync());
    }

    [Fact]
    public async Task IncomingCall_WhileOurCallPending_IsServed()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Handlers.Register(new ResetHandler("Accepted"));
        var ours = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "ours", CancellationToken.None);
        await h.NextFrameAsync();

        await h.PeerSendAsync("""[2,"theirs","Reset",{"type":"OnIdle"}]""");
        Assert.Equal("""[3,"theirs",{"status":"Accepted"}]""", await h.NextFrameTextAsync());

        await h.PeerSendAsync("""[3,"ours",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        await ours.WaitAsync(EngineHarness.Wait);
    }

    [Fact]
    public async Task IncomingCall_HandlerCallsOutDuringHandling_DoesNotDeadlock()
    {
        await using var h = await EngineHarness.StartAsync();
        var handler = new CallingOutResetHandler(h);
        h.Handlers.Register(handler);
        await h.PeerSendAsync("""[2,"r2","Reset",{"type":"Immediate"}]""");

        var heartbeat = await h.NextFrameAsync();
        Assert.Equal("Heartbeat", heartbeat[2].GetString());
        await h.PeerSendAsync($$"""[3,"{{heartbeat[1].GetString()}}",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        Assert.Equal("""[3,"r2",{"status":"Accepted"}]""", await h.NextFrameTextAsync());
    }

    [Theory]
    [InlineData("FooBar", "NotImplemented")]
    [InlineData("GetLog", "NotSupported")]
    [InlineData("SetDERControl", "NotSupported")]
    public async Task IncomingCall_NoHandler_NotImplementedOrNotSupported(string action, string code)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.PeerSendAsync($$"""[2,"u1","{{action}}",{}]""");
        var frame = await h.NextFrameAsync();
        Assert.Equal(4, frame[0].GetInt32());
        Assert.Equal("u1", frame[1].GetString());
        Assert.Equal(code, frame[2].GetString());
        Assert.Empty(frame[4].EnumerateObject());
    }

    [Fact]
    public async Task IncomingCall_21OnlyActionOn201Connection_NotImplementedEvenWithHandler()
    {
        await using var h = await EngineHarness.StartAsync(OcppVersion.V201);
        await h.PeerSendAsync("""[2,"n1","NotifyPeriodicEventStream",{}]""");
        Assert.Equal("NotImplemented", (await h.NextFrameAsync())[2].GetString());
    }

    [Fact]
    public async Task IncomingCall_WithoutCatalog_UnknownIsNotImplemented()
    {
        await using var h = await EngineHarness.StartAsync(withCatalog: false);
        await h.PeerSendAsync("""[2,"n2","GetLog",{}]""");
        Assert.Equal("NotImplemented", (await h.NextFrameAsync())[2].GetString());
    }

    [Theory]
    [InlineData("""{}""", "OccurrenceConstraintViolation")]
    [InlineData("""{"type":"Sometimes"}""", "PropertyConstraintViolation")]
    public async Task IncomingCall_PayloadFailsValidation_CallErrorWithValidatorCode(string payload, string code)
    {
        await using var h = await EngineHarness.StartAsync();
        var handler = new ResetHandler("Accepted");
        h.Handlers.Register(handler);
        await h.PeerSendAsync($$"""[2,"p1","Reset",{{payload}}]""");

        var frame = await h.NextFrameAsync();
        Assert.Equal([4, "p1", code], new object[] { frame[0].GetInt32(), frame[1].GetString()!, frame[2].GetString()! });
        Assert.Equal(0, handler.Calls);
        Assert.Contains((OcppVersion.V21, "Reset", Ocpp.Validation.PayloadKind.Request), h.Validator.Calls);
    }

    [Fact]
    public async Task IncomingCall_PayloadNotDeserializable_FormatViolation()
    {
        await using var h = await EngineHarness.StartAsync(withValidator: false);
        h.Handlers.Register(new ResetHandler("Accepted"));
        await h.PeerSendAsync("""[2,"p2","Reset",{"type":42}]""");
        Assert.Equal("FormatViolation", (await h.NextFrameAsync())[2].GetString());
    }

    [Fact]
    public async Task IncomingCall_HandlerThrows_InternalErrorAndConnectionSurvives()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Handlers.Register(new ThrowingResetHandler(new InvalidOperationException("secret internals")));
        await h.PeerSendAsync("""[2,"t1","Reset",{"type":"Immediate"}]""");

        var frame = await h.NextFrameAsync();
        Assert.Equal("InternalError", frame[2].GetString());
        Assert.DoesNotContain("secret", frame[3].GetString(), StringComparison.Ordinal);
        Assert.True(h.Log.Has(1010));
        await h.AssertNothingSentThenAliveAsync();
    }

    [Fact]
    public async Task IncomingCall_HandlerRefusesWithCode_CallErrorCarriesIt()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Handlers.Register(new ThrowingResetHandler(new OcppCallErrorException(RpcErrorCode.SecurityError, "Boot rejected", """{"retry":false}""")));
        await h.PeerSendAsync("""[2,"t2","Reset",{"type":"Immediate"}]""");
        Assert.Equal("""[4,"t2","SecurityError","Boot rejected",{"retry":false}]""", await h.NextFrameTextAsync());
    }

    [Fact]
    public async Task IncomingCall_AfterResponseHook_RunsOnlyOnceResponseIsOnTheWire()
    {
        await using var h = await EngineHarness.StartAsync();
        var handler = new UnlockHandler(h);
        h.Handlers.Register(handler);
        await h.PeerSendAsync("""[2,"u9","UnlockConnector",{"evseId":1,"connectorId":1}]""");

        Assert.Equal("""[3,"u9",{"status":"Unlocked"}]""", await h.NextFrameTextAsync());
        Assert.True(await handler.AfterRan.Task.WaitAsync(EngineHarness.Wait));
    }

    [Fact]
    public async Task IncomingCall_AfterResponseHookThrows_LoggedNotSent()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Handlers.Register(new ResetHandler("Accepted"), new ThrowingAfter());
        await h.PeerSendAsync("""[2,"a1","Reset",{"type":"Immediate"}]""");
        Assert.Equal("""[3,"a1",{"status":"Accepted"}]""", await h.NextFrameTextAsync());
        await h.AssertNothingSentThenAliveAsync();
        for (var i = 0; i < 100 && !h.Log.Has(1011); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(h.Log.Has(1011));
    }

    [Fact]
    public async Task IncomingSend_NeverAnswered_DeliveredToHandler()
    {
        await using var h = await EngineHarness.StartAsync();
        var streams = new StreamHandler();
        h.Handlers.RegisterSend(streams);
        await h.PeerSendAsync("""[6,"s1","NotifyPeriodicEventStream",{"id":7,"pending":0}]""");
        await h.PeerSendAsync("""[6,"s2","UnknownStream",{}]""");
        await h.PeerSendAsync("""[6,"s3","NotifyPeriodicEventStream",{"id":"bad"}]""");

        Assert.Equal(7, (await streams.Received.Task.WaitAsync(EngineHarness.Wait)).Id);
        await h.AssertNothingSentThenAliveAsync();
    }

    [Fact]
    public void Register_SameActionTwice_Throws()
    {
        var registry = new HandlerRegistry(TestJsonContext.Default.Options);
        registry.Register(new ResetHandler("Accepted"));
        Assert.Throws<InvalidOperationException>(() => registry.Register(new ResetHandler("Rejected")));
        Assert.True(registry.Unregister("Reset"));
        registry.Register(new ResetHandler("Rejected"));
    }

    private sealed class ResetHandler(string status) : IOcppRequestHandler<ResetRequest, ResetResponse>
    {
        public int Calls { get; private set; }

        public ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(new ResetResponse(status));
        }
    }

    private sealed class ThrowingResetHandler(Exception exception) : IOcppRequestHandler<ResetRequest, ResetResponse>
    {
        public ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken) => throw exception;
    }

    private sealed class ThrowingAfter : IOcppAfterResponse<ResetRequest, ResetResponse>
    {
        public ValueTask AfterResponseAsync(ResetRequest request, ResetResponse response, OcppRequestContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("reboot failed");
    }

    private sealed class CallingOutResetHandler(EngineHarness h) : IOcppRequestHandler<ResetRequest, ResetResponse>
    {
        public async ValueTask<ResetResponse> HandleAsync(ResetRequest request, OcppRequestContext context, CancellationToken cancellationToken)
        {
            await h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), cancellationToken);
            return new ResetResponse("Accepted");
        }
    }

    private sealed class UnlockHandler(EngineHarness h) : IOcppRequestHandler<UnlockConnectorRequest, UnlockConnectorResponse>, IOcppAfterResponse<UnlockConnectorRequest, UnlockConnectorResponse>
    {
        public TaskCompletionSource<bool> AfterRan { get; } = new();

        public ValueTask<UnlockConnectorResponse> HandleAsync(UnlockConnectorRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new UnlockConnectorResponse("Unlocked"));

        public ValueTask AfterResponseAsync(UnlockConnectorRequest request, UnlockConnectorResponse response, OcppRequestContext context, CancellationToken cancellationToken)
        {
            // Respond first, then act: the CALLRESULT must already have been handed to the transport.
            var sent = h.Pair.Station.SentFrames.Any(f => System.Text.Encoding.UTF8.GetString(f).StartsWith("[3,\"u9\"", StringComparison.Ordinal));
            AfterRan.TrySetResult(sent && response.Status == "Unlocked" && context.MessageId == "u9");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class StreamHandler : IOcppSendHandler<NotifyPeriodicEventStream>
    {
        public TaskCompletionSource<NotifyPeriodicEventStream> Received { get; } = new();

        public ValueTask HandleAsync(NotifyPeriodicEventStream message, OcppRequestContext context, CancellationToken cancellationToken)
        {
            Received.TrySetResult(message);
            return ValueTask.CompletedTask;
        }
    }
}
