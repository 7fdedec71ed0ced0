using ChargerController.Ocpp.Queue;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Ocpp.Tests.Queue;

public sealed class InMemoryOutboundQueueTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Enqueue_KeepsOrderIdsAndPayloads()
    {
        var queue = new InMemoryOutboundQueue(_time);
        var a = await queue.EnqueueAsync("TransactionEvent", "{\"seqNo\":0}"u8.ToArray(), QueuePolicy.Transactional, "id-a", CancellationToken.None);
        var b = await queue.EnqueueAsync("StatusNotification", "{}"u8.ToArray(), QueuePolicy.Normal, "id-b", CancellationToken.None);

        Assert.True(a.Sequence < b.Sequence);
        Assert.Equal(_time.GetUtcNow(), a.EnqueuedAt);
        Assert.Equal(a, await queue.PeekAsync(CancellationToken.None));
        Assert.Equal(["id-a", "id-b"], (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId));
        Assert.Equal("{\"seqNo\":0}", System.Text.Encoding.UTF8.GetString(a.PayloadJson.Span));
    }

    [Fact]
    public async Task Enqueue_DuplicateId_Throws()
    {
        var queue = new InMemoryOutboundQueue(_time);
        await queue.EnqueueAsync("Heartbeat", "{}"u8.ToArray(), QueuePolicy.Normal, "dup", CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.EnqueueAsync("Heartbeat", "{}"u8.ToArray(), QueuePolicy.Normal, "dup", CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task RecordFailedAttempt_CountsAndDefers_KeepsIdAndPosition()
    {
        var queue = new InMemoryOutboundQueue(_time);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "te-1", CancellationToken.None);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "te-2", CancellationToken.None);
        var later = _time.GetUtcNow().AddSeconds(60);

        var updated = await queue.RecordFailedAttemptAsync("te-1", later, CancellationToken.None);

        Assert.Equal(1, updated!.FailedAttempts);
        Assert.Equal(later, updated.NotBefore);
        Assert.Equal("te-1", (await queue.PeekAsync(CancellationToken.None))!.MessageId);
        Assert.Null(await queue.RecordFailedAttemptAsync("missing", later, CancellationToken.None));
    }

    [Fact]
    public async Task DropNonTransactional_KeepsTransactionRelated()
    {
        var queue = new InMemoryOutboundQueue(_time);
        await queue.EnqueueAsync("StatusNotification", "{}"u8.ToArray(), QueuePolicy.Normal, "n1", CancellationToken.None);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "t1", CancellationToken.None);
        await queue.EnqueueAsync("MeterValues", "{}"u8.ToArray(), QueuePolicy.Normal, "n2", CancellationToken.None);

        Assert.Equal(2, await queue.DropNonTransactionalAsync(CancellationToken.None));
        Assert.Equal(["t1"], (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId));
        Assert.True(await queue.RemoveAsync("t1", CancellationToken.None));
        Assert.Null(await queue.PeekAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WaitForEnqueue_CompletesOnNextEnqueue()
    {
        var queue = new InMemoryOutboundQueue(_time);
        var wait = queue.WaitForEnqueueAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);
        await queue.EnqueueAsync("Heartbeat", "{}"u8.ToArray(), QueuePolicy.Normal, "h", CancellationToken.None);
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void QueuePolicy_DelayAfter_IsAttemptsTimesInterval()
    {
        var policy = new QueuePolicy(true, 3, TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(60), policy.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(120), policy.DelayAfter(2));
    }
}
