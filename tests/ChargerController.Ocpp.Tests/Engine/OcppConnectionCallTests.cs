using System.Text;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Tests.Engine.TestModel;
using ChargerController.Ocpp.Transport;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>Outgoing CALL/SEND rules of Part 4 §4.1.1, §4.1.4, §4.2.</summary>
public sealed class OcppConnectionCallTests
{
    [Fact]
    public async Task CallAsync_CallResult_ReturnsTypedResponse()
    {
        await using var h = await EngineHarness.StartAsync();
        var call = h.Connection.CallAsync<BootNotificationRequest, BootNotificationResponse>(
            new BootNotificationRequest("PowerUp", new ChargingStationType("SingleSocketCharger", "VendorX")), "19223201", CancellationToken.None);

        Assert.Equal(
            """[2,"19223201","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"SingleSocketCharger","vendorName":"VendorX"}}]""",
            await h.NextFrameTextAsync());
        await h.PeerSendAsync("""[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}]""");

        var response = await call.WaitAsync(EngineHarness.Wait);
        Assert.Equal("Accepted", response.Status);
        Assert.Equal(300, response.Interval);
        Assert.Equal(new DateTimeOffset(2013, 2, 1, 20, 53, 32, 486, TimeSpan.Zero), response.CurrentTime);
    }

    [Fact]
    public async Task CallAsync_WhileOneOutstanding_NextWaitsInOrder()
    {
        await using var h = await EngineHarness.StartAsync();
        var first = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "a", CancellationToken.None);
        var second = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "b", CancellationToken.None);
        var third = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "c", CancellationToken.None);

        Assert.Equal("a", (await h.NextFrameAsync())[1].GetString());

        // Nothing else may be on the wire before "a" is answered: the peer's own CALL gets its answer next.
        await h.AssertNothingSentThenAliveAsync();
        Assert.Single(h.Pair.Station.SentFrames, f => Encoding.UTF8.GetString(f).StartsWith("[2,", StringComparison.Ordinal));

        await h.PeerSendAsync("""[3,"a",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        Assert.Equal("b", (await h.NextFrameAsync())[1].GetString());
        await h.PeerSendAsync("""[3,"b",{"currentTime":"2025-01-01T00:00:01Z"}]""");
        Assert.Equal("c", (await h.NextFrameAsync())[1].GetString());
        await h.PeerSendAsync("""[3,"c",{"currentTime":"2025-01-01T00:00:02Z"}]""");

        var r1 = await first.WaitAsync(EngineHarness.Wait);
        var r2 = await second.WaitAsync(EngineHarness.Wait);
        var r3 = await third.WaitAsync(EngineHarness.Wait);
        Assert.True(r1.CurrentTime < r2.CurrentTime && r2.CurrentTime < r3.CurrentTime);
    }

    [Fact]
    public async Task CallAsync_NoAnswerWithinMessageTimeout_FailsCleanlyAndFreesTheLine()
    {
        await using var h = await EngineHarness.StartAsync();
        var first = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "slow", CancellationToken.None);
        var second = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "next", CancellationToken.None);
        Assert.Equal("slow", (await h.NextFrameAsync())[1].GetString());

        h.Time.Advance(TimeSpan.FromSeconds(29));
        await h.AssertNothingSentThenAliveAsync();
        Assert.False(first.IsCompleted);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<OcppCallTimeoutException>(() => first.WaitAsync(EngineHarness.Wait));
        Assert.Equal("next", (await h.NextFrameAsync())[1].GetString());

        // The late answer to the timed-out call is logged and dropped; the current call is unaffected.
        await h.PeerSendAsync("""[3,"slow",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        await h.PeerSendAsync("""[3,"next",{"currentTime":"2025-01-01T00:00:05Z"}]""");
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 5, TimeSpan.Zero), (await second.WaitAsync(EngineHarness.Wait)).CurrentTime);
        Assert.True(h.Log.Has(1004));
        Assert.True(h.Log.Has(1005));
    }

    [Fact]
    public async Task CallAsync_CallerCancelsAfterSending_LineStaysBusyUntilAnswered()
    {
        await using var h = await EngineHarness.StartAsync();
        using var cts = new CancellationTokenSource();
        var first = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "x", cts.Token);
        var second = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "y", CancellationToken.None);
        Assert.Equal("x", (await h.NextFrameAsync())[1].GetString());

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await h.AssertNothingSentThenAliveAsync();

        await h.PeerSendAsync("""[3,"x",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        Assert.Equal("y", (await h.NextFrameAsync())[1].GetString());
        await h.PeerSendAsync("""[3,"y",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        await second.WaitAsync(EngineHarness.Wait);
    }

    [Fact]
    public async Task CallAsync_CallError_ThrowsWithCodeDescriptionAndDetails()
    {
        await using var h = await EngineHarness.StartAsync();
        var call = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "e1", CancellationToken.None);
        await h.NextFrameAsync();
        await h.PeerSendAsync("""[4,"e1","NotSupported","Heartbeat not supported",{"hint":1}]""");

        var ex = await Assert.ThrowsAsync<OcppCallErrorException>(() => call.WaitAsync(EngineHarness.Wait));
        Assert.Equal(RpcErrorCode.NotSupported, ex.ErrorCode);
        Assert.Equal("Heartbeat not supported", ex.Message);
        Assert.Equal("""{"hint":1}""", ex.ErrorDetailsJson);
    }

    [Fact]
    public async Task CallAsync_ReplyToUnknownId_IsLoggedAndDropped()
    {
        await using var h = await EngineHarness.StartAsync();
        var call = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "mine", CancellationToken.None);
        await h.NextFrameAsync();

        await h.PeerSendAsync("""[3,"someone-else",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        await h.PeerSendAsync("""[4,"other","GenericError","",{}]""");
        await h.AssertNothingSentThenAliveAsync();
        Assert.False(call.IsCompleted);

        await h.PeerSendAsync("""[3,"mine",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        await call.WaitAsync(EngineHarness.Wait);
        Assert.Equal(2, h.Log.Entries.Count(e => e.EventId == 1004));
    }

    [Fact]
    public async Task CallAsync_ResponseFailsValidation_SendsCallResultErrorAndThrows()
    {
        await using var h = await EngineHarness.StartAsync();
        var call = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "v1", CancellationToken.None);
        await h.NextFrameAsync();
        await h.PeerSendAsync("""[3,"v1",{"currentTime":12}]""");

        var ex = await Assert.ThrowsAsync<OcppInvalidResponseException>(() => call.WaitAsync(EngineHarness.Wait));
        Assert.Equal(RpcErrorCode.TypeConstraintViolation, ex.ErrorCode);
        var frame = await h.NextFrameAsync();
        Assert.Equal(5, frame[0].GetInt32());
        Assert.Equal("v1", frame[1].GetString());
        Assert.Equal("TypeConstraintViolation", frame[2].GetString());
        Assert.Equal(5, frame.GetArrayLength());
    }

    [Fact]
    public async Task CallAsync_ResponseNotDeserializable_SendsCallResultError()
    {
        await using var h = await EngineHarness.StartAsync(withValidator: false);
        var call = h.Connection.CallAsync<BootNotificationRequest, BootNotificationResponse>(
            new BootNotificationRequest("PowerUp", new ChargingStationType("m", "v")), "d1", CancellationToken.None);
        await h.NextFrameAsync();
        await h.PeerSendAsync("""[3,"d1",{"currentTime":"2025-01-01T00:00:00Z","interval":"often","status":"Accepted"}]""");

        await Assert.ThrowsAsync<OcppInvalidResponseException>(() => call.WaitAsync(EngineHarness.Wait));
        var frame = await h.NextFrameAsync();
        Assert.Equal([5, "d1", "FormatViolation"], new object[] { frame[0].GetInt32(), frame[1].GetString()!, frame[2].GetString()! });
    }

    [Fact]
    public async Task CallAsync_InvalidResponseOn201_NoCallResultErrorBecauseType5DoesNotExist()
    {
        await using var h = await EngineHarness.StartAsync(OcppVersion.V201);
        var call = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "v2", CancellationToken.None);
        await h.NextFrameAsync();
        await h.PeerSendAsync("""[3,"v2",{}]""");

        await Assert.ThrowsAsync<OcppInvalidResponseException>(() => call.WaitAsync(EngineHarness.Wait));
        await h.AssertNothingSentThenAliveAsync();
    }

    [Fact]
    public async Task SendAsync_WhileCallOutstanding_GoesImmediately()
    {
        await using var h = await EngineHarness.StartAsync();
        var call = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "c1", CancellationToken.None);
        await h.NextFrameAsync();

        var id = await h.Connection.SendAsync(new NotifyPeriodicEventStream(123, 0), CancellationToken.None);

        var send = await h.NextFrameTextAsync();
        Assert.Equal($$"""[6,"{{id}}","NotifyPeriodicEventStream",{"id":123,"pending":0}]""", send);
        Assert.False(call.IsCompleted);
    }

    [Fact]
    public async Task SendAsync_On201_NotSupported()
    {
        await using var h = await EngineHarness.StartAsync(OcppVersion.V201);
        await Assert.ThrowsAsync<NotSupportedException>(() => h.Connection.SendAsync(new NotifyPeriodicEventStream(1, 0), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task CallAsync_ConnectionDropsWhileOutstanding_FailsWithConnectionLost()
    {
        await using var h = await EngineHarness.StartAsync();
        var states = new List<bool>();
        h.Connection.StateChanged += (_, e) => states.Add(e.IsConnected);
        var call = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), "lost", CancellationToken.None);
        await h.NextFrameAsync();

        h.Pair.Disconnect("cable cut");

        await Assert.ThrowsAsync<OcppConnectionLostException>(() => call.WaitAsync(EngineHarness.Wait));
        await Assert.ThrowsAsync<OcppConnectionLostException>(() => h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None).WaitAsync(EngineHarness.Wait));
        Assert.False(h.Connection.IsConnected);

        h.Pair.Connect(OcppVersion.V201);
        await h.Connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(EngineHarness.Wait);
        Assert.Equal(OcppVersion.V201, h.Connection.Version);
        Assert.Equal([false, true], states);
    }

    [Fact]
    public async Task CallAsync_FreshIds_AreUniqueUuidV7AndAtMost36Chars()
    {
        await using var h = await EngineHarness.StartAsync();
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            var call = h.Connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None);
            var id = (await h.NextFrameAsync())[1].GetString()!;
            Assert.True(id.Length <= 36);
            Assert.Equal(7, Guid.Parse(id).Version);
            Assert.True(ids.Add(id));
            await h.PeerSendAsync($$"""[3,"{{id}}",{"currentTime":"2025-01-01T00:00:00Z"}]""");
            await call.WaitAsync(EngineHarness.Wait);
        }
    }

    [Fact]
    public async Task CallRawAsync_RetryReusesGivenId()
    {
        await using var h = await EngineHarness.StartAsync();
        var call = h.Connection.CallRawAsync("Heartbeat", "{}"u8.ToArray(), "queued-42", CancellationToken.None);
        Assert.Equal("""[2,"queued-42","Heartbeat",{}]""", await h.NextFrameTextAsync());
        await h.PeerSendAsync("""[3,"queued-42",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        Assert.Equal("2025-01-01T00:00:00Z", (await call.WaitAsync(EngineHarness.Wait)).GetProperty("currentTime").GetString());
    }

    [Fact]
    public async Task CallAsync_OutboundValidationOn_InvalidRequestNeverSent()
    {
        await using var h = await EngineHarness.StartAsync();
        var strict = new OcppConnection(h.Pair.Station, h.Handlers, new OcppConnectionOptions { Validator = h.Validator, ValidateOutbound = true }, h.Time, h.Log);
        var ex = Assert.Throws<OcppCallErrorException>(() => { _ = strict.CallAsync<ResetRequest, ResetResponse>(new ResetRequest("Sometimes"), CancellationToken.None); });
        Assert.Equal(RpcErrorCode.PropertyConstraintViolation, ex.ErrorCode);
        Assert.Empty(h.Pair.Station.SentFrames);
    }

    [Fact]
    public async Task CallRawAsync_21OnlyActionOn201Connection_NotSentNotSupported()
    {
        await using var h = await EngineHarness.StartAsync(OcppVersion.V201);
        await Assert.ThrowsAsync<NotSupportedException>(() => h.Connection.CallRawAsync("AFRRSignal", "{}"u8.ToArray(), null, CancellationToken.None).WaitAsync(EngineHarness.Wait));
        await h.AssertNothingSentThenAliveAsync();
        Assert.DoesNotContain(h.Pair.Station.SentFrames, f => Encoding.UTF8.GetString(f).Contains("AFRRSignal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallAsync_NotStarted_Throws()
    {
        var pair = new InMemoryTransportPair();
        await using var connection = new OcppConnection(pair.Station, new Ocpp.Dispatch.HandlerRegistry(TestJsonContext.Default.Options), new OcppConnectionOptions(), TimeProvider.System, new Testing.Logging.ListLogger());
        Assert.Throws<InvalidOperationException>(() => { _ = connection.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None); });
    }
}
