using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Tests.Engine.TestModel;

namespace ChargerController.Ocpp.Tests.Engine;

/// <summary>Queuing under a caller-derived message id: a repeat after a crash is the same CALL, never a second one.</summary>
public sealed class OutboundQueuePumpIdempotentEnqueueTests
{
    [Fact]
    public async Task EnqueueWithMessageId_StillQueued_KeepsTheOneMessage()
    {
        await using var h = await EngineHarness.StartAsync();
        var queue = new InMemoryOutboundQueue(h.Time);
        await using var pump = new OutboundQueuePump(h.Connection, queue, h.Time, h.Log);

        var first = await pump.EnqueueAsync(new ResetRequest("OnIdle"), QueuePolicy.Normal, "tx-1-seq-0", CancellationToken.None);
        var again = await pump.EnqueueAsync(new ResetRequest("OnIdle"), QueuePolicy.Normal, "tx-1-seq-0", CancellationToken.None);

        Assert.Equal("tx-1-seq-0", first.MessageId);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Single(await queue.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueWithMessageId_AlreadyDelivered_GoesAgainUnderTheSameId()
    {
        await using var h = await EngineHarness.StartAsync();
        var queue = new InMemoryOutboundQueue(h.Time);
        await using var pump = new OutboundQueuePump(h.Connection, queue, h.Time, h.Log);
        await pump.StartAsync();

        await pump.EnqueueAsync(new HeartbeatRequest(), QueuePolicy.Normal, "hb-1", CancellationToken.None);
        var sent = await h.NextFrameAsync();
        Assert.Equal("hb-1", sent[1].GetString());
        await h.PeerSendAsync("""[3,"hb-1",{"currentTime":"2025-01-01T00:00:00Z"}]""");
        await WaitUntilEmptyAsync(queue);

        await pump.EnqueueAsync(new HeartbeatRequest(), QueuePolicy.Normal, "hb-1", CancellationToken.None);
        var resent = await h.NextFrameAsync();
        Assert.Equal("hb-1", resent[1].GetString());
        Assert.Equal(sent.GetRawText(), resent.GetRawText());
    }

    [Fact]
    public async Task EnqueueWithMessageId_Empty_Throws()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var pump = new OutboundQueuePump(h.Connection, new InMemoryOutboundQueue(h.Time), h.Time, h.Log);
        await Assert.ThrowsAsync<ArgumentException>(() => pump.EnqueueAsync(new HeartbeatRequest(), QueuePolicy.Normal, string.Empty, CancellationToken.None).AsTask());
    }

    private static async Task WaitUntilEmptyAsync(InMemoryOutboundQueue queue)
    {
        using var cts = new CancellationTokenSource(EngineHarness.Wait);
        while (await queue.PeekAsync(CancellationToken.None) is not null)
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
