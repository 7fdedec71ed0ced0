using System.Threading.Channels;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Tests.Engine.TestModel;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>Draining the queue in order with stable ids; E13 retry schedule in virtual time.</summary>
public sealed class OutboundQueuePumpTests
{
    [Fact]
    public async Task Pump_DeliversInOrderOneAtATimeWithQueuedIds()
    {
        await using var h = await EngineHarness.StartAsync();
        var queue = new InMemoryOutboundQueue(h.Time);
        await using var pump = new OutboundQueuePump(h.Connection, queue, h.Time, h.Log);
        var delivered = Channel.CreateUnbounded<OutboundDeliveredEventArgs>();
        pump.Delivered += (_, e) => delivered.Writer.TryWrite(e);
        var m1 = await pump.EnqueueAsync(new HeartbeatRequest(), QueuePolicy.Normal, CancellationToken.None);
        var m2 = await pump.EnqueueAsync(new ResetRequest("OnIdle"), QueuePolicy.Normal, CancellationToken.None);
        await pump.StartAsync();

        var first = await h.NextFrameAsync();
        Assert.Equal(m1.MessageId, first[1].GetString());
        await h.AssertNothingSentThenAliveAsync();
        await h.PeerSendAsync($$"""[3,"{{m1.MessageId}}",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        var second = await h.NextFrameAsync();
        Assert.Equal(m2.MessageId, second[1].GetString());
        Assert.Equal("Reset", second[2].GetString());
        await h.PeerSendAsync($$"""[3,"{{m2.MessageId}}",{"status":"Accepted"}]""");

        var d1 = await delivered.Reader.ReadAsync().AsTask().WaitAsync(EngineHarness.Wait);
        var d2 = await delivered.Reader.ReadAsync().AsTask().WaitAsync(EngineHarness.Wait);
        Assert.Equal(m1.MessageId, d1.Message.MessageId);
        Assert.Equal("Accepted", d2.Response!.Value.GetProperty("status").GetString());
        Assert.Null(await queue.PeekAsync(CancellationToken.None));
    }

    [Fact]
    public async Task E13_CallErrors_RetriedWithSameIdAfterNTimesIntervalThenDropped()
    {
        await using var h = await EngineHarness.StartAsync();
        var queue = new InMemoryOutboundQueue(h.Time);
        await using var pump = new OutboundQueuePump(h.Connection, queue, h.Time, h.Log);
        var delivered = new TaskCompletionSource<OutboundDeliveredEventArgs>();
        pump.Delivered += (_, e) => delivered.TrySetResult(e);
        var te = await pump.EnqueueAsync(new HeartbeatRequest(), new QueuePolicy(true, 3, TimeSpan.FromSeconds(60)), CancellationToken.None);
        await pump.StartAsync();

        // Attempt 1 now; attempt 2 after 1 × 60 s; attempt 3 after 2 × 60 s; then discard (E13.FR.02-04).
        var failures = 0;
        foreach (var wait in new[] { 0, 60, 120 })
        {
            if (wait > 0)
            {
                await WaitForFailuresAsync(queue, te.MessageId, failures);
                h.Time.Advance(TimeSpan.FromSeconds(wait - 1));
                await h.AssertNothingSentThenAliveAsync();
                h.Time.Advance(TimeSpan.FromSeconds(1));
            }

            var frame = await h.NextFrameAsync();
            Assert.Equal(te.MessageId, frame[1].GetString());
            await h.PeerSendAsync($$"""[4,"{{te.MessageId}}","InternalError","try later",{}]""");
            failures++;
        }

        var dropped = await delivered.Task.WaitAsync(EngineHarness.Wait);
        Assert.IsType<Ocpp.Rpc.OcppCallErrorException>(dropped.Error);
        Assert.Null(await queue.PeekAsync(CancellationToken.None));
        Assert.True(h.Log.Has(1018));
        Assert.Equal(1, (await queue.GetStatisticsAsync(CancellationToken.None)).DiscardedAfterAttempts);
    }

    [Fact]
    public async Task ConnectionLostMidCall_ResentWithSameIdAfterReconnect_NotCountedAsAttempt()
    {
        await using var h = await EngineHarness.StartAsync();
        var queue = new InMemoryOutboundQueue(h.Time);
        await using var pump = new OutboundQueuePump(h.Connection, queue, h.Time, h.Log);
        var te = await pump.EnqueueAsync(new HeartbeatRequest(), QueuePolicy.Transactional, CancellationToken.None);
        await pump.StartAsync();
        Assert.Equal(te.MessageId, (await h.NextFrameAsync())[1].GetString());

        h.Pair.Disconnect();
        for (var i = 0; i < 200 && h.Connection.IsConnected; i++)
        {
            await Task.Delay(5);
        }

        h.Pair.Connect(OcppVersion.V21);
        Assert.Equal(te.MessageId, (await h.NextFrameAsync())[1].GetString());
        Assert.Equal(0, (await queue.PeekAsync(CancellationToken.None))!.FailedAttempts);
    }

    [Fact]
    public async Task Pump_ClockSteppedBackBeyondMaxTimerPeriod_SendsAfterLongestRetryWaitInsteadOfThrowing()
    {
        await using var h = await EngineHarness.StartAsync();
        var queue = new InMemoryOutboundQueue(h.Time);
        await using var pump = new OutboundQueuePump(h.Connection, queue, h.Time, h.Log);
        var te = await pump.EnqueueAsync(new HeartbeatRequest(), new QueuePolicy(true, 3, TimeSpan.FromSeconds(60)), CancellationToken.None);

        // One failed attempt stamped with a clock 60 days ahead of the present one: what a station sees after the CSMS
        // time moved its clock back by 60 days. A single Task.Delay of 60 days throws (beyond the max timer period).
        await queue.RecordFailedAttemptAsync(te.MessageId, h.Time.GetUtcNow() + TimeSpan.FromDays(60), CancellationToken.None);
        await pump.StartAsync();
        await h.AssertNothingSentThenAliveAsync();

        var advanced = await AdvanceUntilSentAsync(h, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));
        Assert.Equal(te.MessageId, advanced.Frame[1].GetString());

        // Not before the longest legitimate wait after one failure (1 × 60 s, E13.FR.03), and not 60 days later.
        Assert.InRange(advanced.Elapsed, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Pump_RetryIntervalBeyondMaxTimerPeriod_WaitsItOutInSteps()
    {
        await using var h = await EngineHarness.StartAsync();
        var queue = new InMemoryOutboundQueue(h.Time);
        await using var pump = new OutboundQueuePump(h.Connection, queue, h.Time, h.Log);

        // MessageAttemptInterval is an int of seconds: 70 days is a legal (if odd) configuration.
        var te = await pump.EnqueueAsync(new HeartbeatRequest(), new QueuePolicy(true, 3, TimeSpan.FromDays(70)), CancellationToken.None);
        await pump.StartAsync();
        Assert.Equal(te.MessageId, (await h.NextFrameAsync())[1].GetString());
        await h.PeerSendAsync($$"""[4,"{{te.MessageId}}","InternalError","try later",{}]""");
        await WaitForFailuresAsync(queue, te.MessageId, 1);

        var advanced = await AdvanceUntilSentAsync(h, TimeSpan.FromHours(12), TimeSpan.FromDays(80));
        Assert.Equal(te.MessageId, advanced.Frame[1].GetString());
        Assert.InRange(advanced.Elapsed, TimeSpan.FromDays(70), TimeSpan.FromDays(71.5));
    }

    private static async Task<(System.Text.Json.JsonElement Frame, TimeSpan Elapsed)> AdvanceUntilSentAsync(EngineHarness h, TimeSpan step, TimeSpan limit)
    {
        // Step virtual time while watching the wire, so the pump's timer is never skipped over before it exists.
        var elapsed = TimeSpan.Zero;
        var next = h.Pair.Csms.ReceiveAsync(CancellationToken.None).AsTask();
        while (elapsed <= limit)
        {
            if (await Task.WhenAny(next, Task.Delay(10)) == next)
            {
                var e = await next;
                if (e.Kind == Ocpp.Transport.TransportEventKind.Frame)
                {
                    return (System.Text.Json.JsonDocument.Parse(e.Data).RootElement.Clone(), elapsed);
                }

                next = h.Pair.Csms.ReceiveAsync(CancellationToken.None).AsTask();
                continue;
            }

            h.Time.Advance(step);
            elapsed += step;
        }

        Assert.Fail($"Nothing sent within {limit} of virtual time.");
        return default;
    }

    private static async Task WaitForFailuresAsync(InMemoryOutboundQueue queue, string id, int failures)
    {
        // The pump records the failure with its clock reading; only then may the test move the clock.
        for (var i = 0; i < 1000; i++)
        {
            if (await queue.PeekAsync(CancellationToken.None) is { } head && head.MessageId == id && head.FailedAttempts == failures)
            {
                return;
            }

            await Task.Delay(5);
        }

        Assert.Fail($"The pump did not record failure {failures}.");
    }
}
