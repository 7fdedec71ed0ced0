using System.Text;
using ChargerController.Ocpp.Queue;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Ocpp.Tests.Queue;

/// <summary>
/// The behaviour every <see cref="IOutboundQueue"/> shares, run against the in-memory queue here and against the SQLite
/// queue in ChargerController.Storage.Tests (which compiles this file in by link).
/// </summary>
public abstract class OutboundQueueContractTests : IDisposable
{
    /// <summary>Every test message payload has exactly this many bytes, so budgets can be reasoned about in messages.</summary>
    protected const int PayloadBytes = 200;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The accounted size of every test message (ids are five characters, actions as named).</summary>
    protected static long SizeOf(string action) => OutboundQueueBudget.SizeOf(PayloadBytes, "id-00", action);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Enqueue_KeepsOrderIdsAndPayloads()
    {
        var queue = CreateQueue(null);
        var a = await queue.EnqueueAsync("TransactionEvent", "{\"seqNo\":0}"u8.ToArray(), QueuePolicy.Transactional, "id-a", CancellationToken.None);
        var b = await queue.EnqueueAsync("StatusNotification", "{}"u8.ToArray(), QueuePolicy.Normal, "id-b", CancellationToken.None);

        Assert.True(a.Sequence < b.Sequence);
        Assert.Equal(Time.GetUtcNow(), a.EnqueuedAt);
        AssertSame(a, (await queue.PeekAsync(CancellationToken.None))!);
        Assert.Equal(["id-a", "id-b"], (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId));
        Assert.Equal("{\"seqNo\":0}", Encoding.UTF8.GetString(a.PayloadJson.Span));
        Assert.Equal("{\"seqNo\":0}", Encoding.UTF8.GetString((await queue.PeekAsync(CancellationToken.None))!.PayloadJson.Span));
    }

    [Fact]
    public async Task Enqueue_DuplicateId_Throws()
    {
        var queue = CreateQueue(null);
        await queue.EnqueueAsync("Heartbeat", "{}"u8.ToArray(), QueuePolicy.Normal, "dup", CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.EnqueueAsync("Heartbeat", "{}"u8.ToArray(), QueuePolicy.Normal, "dup", CancellationToken.None).AsTask());
        Assert.Single(await queue.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Peek_ReturnsHeadEvenWhenDeferred_DeliveryStaysInOrder()
    {
        var queue = CreateQueue(null);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "te-1", CancellationToken.None);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "te-2", CancellationToken.None);
        await queue.RecordFailedAttemptAsync("te-1", Time.GetUtcNow().AddMinutes(5), CancellationToken.None);

        // E13 retries must not let a later TransactionEvent overtake an earlier one: the head waits, nothing skips it.
        Assert.Equal("te-1", (await queue.PeekAsync(CancellationToken.None))!.MessageId);
    }

    [Fact]
    public async Task RecordFailedAttempt_CountsAndDefers_KeepsIdAndPosition()
    {
        var queue = CreateQueue(null);
        await queue.EnqueueAsync("TransactionEvent", Te("Updated", "MeterValuePeriodic", "tx-1", 1), QueuePolicy.Transactional, "te-1", CancellationToken.None);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "te-2", CancellationToken.None);
        var later = Time.GetUtcNow().AddSeconds(60);

        var updated = await queue.RecordFailedAttemptAsync("te-1", later, CancellationToken.None);
        var again = await queue.RecordFailedAttemptAsync("te-1", later.AddSeconds(120), CancellationToken.None);

        Assert.Equal(1, updated!.FailedAttempts);
        Assert.Equal(later, updated.NotBefore);
        Assert.Equal(2, again!.FailedAttempts);
        Assert.Equal(OutboundMessageKind.TransactionUpdated, again.Kind);
        Assert.Equal("tx-1", again.TransactionId);
        var head = (await queue.PeekAsync(CancellationToken.None))!;
        Assert.Equal("te-1", head.MessageId);
        Assert.Equal(2, head.FailedAttempts);
        Assert.Equal(later.AddSeconds(120), head.NotBefore);
        Assert.Null(await queue.RecordFailedAttemptAsync("missing", later, CancellationToken.None));
    }

    [Fact]
    public async Task Remove_OnlyTheNamedMessage_ReportsAbsence()
    {
        var queue = CreateQueue(null);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "a", CancellationToken.None);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "b", CancellationToken.None);

        Assert.True(await queue.RemoveAsync("a", CancellationToken.None));
        Assert.False(await queue.RemoveAsync("a", CancellationToken.None));
        Assert.Equal(["b"], (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId));
        var stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(1, stats.Count);
        Assert.Equal(OutboundQueueBudget.SizeOf(2, "b", "TransactionEvent"), stats.AccountedBytes);
        Assert.Equal(0, stats.DiscardedAfterAttempts);
    }

    [Fact]
    public async Task DropNonTransactional_KeepsTransactionRelated_AndCountsThem()
    {
        var queue = CreateQueue(null);
        await queue.EnqueueAsync("StatusNotification", "{}"u8.ToArray(), QueuePolicy.Normal, "n1", CancellationToken.None);
        await queue.EnqueueAsync("TransactionEvent", "{}"u8.ToArray(), QueuePolicy.Transactional, "t1", CancellationToken.None);
        await queue.EnqueueAsync("MeterValues", "{}"u8.ToArray(), QueuePolicy.Normal, "n2", CancellationToken.None);

        Assert.Equal(2, await queue.DropNonTransactionalAsync(CancellationToken.None));
        Assert.Equal(["t1"], (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId));
        var stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(2, stats.DroppedNotQueuedOffline);
        Assert.Equal(1, stats.TransactionalCount);
        Assert.True(await queue.RemoveAsync("t1", CancellationToken.None));
        Assert.Null(await queue.PeekAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SecurityEvent_KeptOfflineWithGuaranteedDelivery_ButNotTransactionRelated()
    {
        var queue = CreateQueue(null);
        var startup = Fixed("""{"type":"StartupOfTheDevice","timestamp":"2025-05-01T08:00:00Z","techInfo":"Boot reason PowerUp"}""");
        var security = await queue.EnqueueAsync("SecurityEventNotification", startup, QueuePolicy.GuaranteedDelivery, "sec-1", CancellationToken.None);
        await queue.EnqueueAsync("StatusNotification", "{}"u8.ToArray(), QueuePolicy.Normal, "n1", CancellationToken.None);

        // A04.FR.02: the startup event survives going offline with QueueAllMessages false ...
        Assert.Equal(1, await queue.DropNonTransactionalAsync(CancellationToken.None));
        var kept = Assert.Single(await queue.ListAsync(CancellationToken.None));
        Assert.Equal("sec-1", kept.MessageId);

        // ... but it is no TransactionEvent: not counted as transaction-related (E14 messagesInQueue, queue stats).
        Assert.False(security.IsTransactionRelated);
        Assert.False(kept.IsTransactionRelated);
        Assert.Equal(OutboundMessageKind.SecurityEvent, kept.Kind);
        Assert.Equal(0, (await queue.GetStatisticsAsync(CancellationToken.None)).TransactionalCount);

        var te = await queue.EnqueueAsync("TransactionEvent", Te("Started", "Authorized", "tx-1", 0), QueuePolicy.Transactional, "te-1", CancellationToken.None);
        Assert.True(te.IsTransactionRelated);
        Assert.Equal(1, (await queue.GetStatisticsAsync(CancellationToken.None)).TransactionalCount);
    }

    [Fact]
    public async Task E13_FR_04_Discard_RemovesAndCounts()
    {
        var queue = CreateQueue(null);
        await queue.EnqueueAsync("TransactionEvent", Te("Ended", "EVDeparted", "tx-9", 4), QueuePolicy.Transactional, "te-end", CancellationToken.None);
        await queue.EnqueueAsync("TransactionEvent", Te("Started", "Authorized", "tx-10", 0), QueuePolicy.Transactional, "te-next", CancellationToken.None);

        Assert.True(await queue.DiscardAsync("te-end", OutboundDiscardReason.AttemptsExhausted, CancellationToken.None));
        Assert.False(await queue.DiscardAsync("te-end", OutboundDiscardReason.AttemptsExhausted, CancellationToken.None));

        Assert.Equal("te-next", (await queue.PeekAsync(CancellationToken.None))!.MessageId);
        var stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(1, stats.DiscardedAfterAttempts);
        Assert.Equal(1, stats.Count);
    }

    [Fact]
    public async Task Statistics_CountBytesAndOldest()
    {
        var queue = CreateQueue(new OutboundQueueBudget(1_000_000));
        Assert.Equal(new QueueStatistics(0, 0, 0, 1_000_000, null, 0, 0, 0, 0), await queue.GetStatisticsAsync(CancellationToken.None));
        var first = Time.GetUtcNow();
        await queue.EnqueueAsync("TransactionEvent", Fixed("{}"), QueuePolicy.Transactional, "id-01", CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await queue.EnqueueAsync("Heartbeat", Fixed("{}"), QueuePolicy.Normal, "id-02", CancellationToken.None);

        var stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(2, stats.Count);
        Assert.Equal(1, stats.TransactionalCount);
        Assert.Equal(SizeOf("TransactionEvent") + SizeOf("Heartbeat"), stats.AccountedBytes);
        Assert.Equal(first, stats.OldestEnqueuedAt);
    }

    [Theory]
    [InlineData("Started", "Authorized", OutboundMessageKind.TransactionStarted, false)]
    [InlineData("Updated", "MeterValuePeriodic", OutboundMessageKind.TransactionUpdated, true)]
    [InlineData("Updated", "MeterValueClock", OutboundMessageKind.TransactionUpdated, true)]
    [InlineData("Updated", "ChargingStateChanged", OutboundMessageKind.TransactionUpdated, false)]
    [InlineData("Updated", "EnergyLimitReached", OutboundMessageKind.TransactionUpdated, false)]
    [InlineData("Ended", "MeterValuePeriodic", OutboundMessageKind.TransactionEnded, false)]
    public async Task Enqueue_ClassifiesTransactionEvents(string eventType, string triggerReason, OutboundMessageKind kind, bool droppable)
    {
        var queue = CreateQueue(null);
        var queued = await queue.EnqueueAsync("TransactionEvent", Te(eventType, triggerReason, "tx-42", 3), QueuePolicy.Transactional, "te", CancellationToken.None);

        var listed = Assert.Single(await queue.ListAsync(CancellationToken.None));
        foreach (var m in new[] { queued, listed })
        {
            Assert.Equal(kind, m.Kind);
            Assert.Equal(droppable, m.IsDroppable);
            Assert.Equal("tx-42", m.TransactionId);
        }
    }

    [Fact]
    public async Task E12_FR_05_OverHighWater_ThinsAlternatePeriodicUpdates_NeverStartedEndedOrLimits()
    {
        // 20 messages of budget; thinning starts above 18 and frees down to 16.
        var size = SizeOf("TransactionEvent");
        var queue = CreateQueue(new OutboundQueueBudget(20 * size));
        await Enqueue(queue, "id-00", Te("Started", "Authorized", "tx-1", 0));
        for (var i = 1; i <= 16; i++)
        {
            await Enqueue(queue, $"id-{i:D2}", Te("Updated", i == 8 ? "EnergyLimitReached" : "MeterValuePeriodic", "tx-1", i));
        }

        await Enqueue(queue, "id-17", Te("Ended", "EVDeparted", "tx-1", 17));
        Assert.Equal(0, (await queue.GetStatisticsAsync(CancellationToken.None)).DroppedForCapacity);

        // 19 × size > high water: free 3 × size, taking the 1st, 3rd and 5th droppable Updated events.
        await Enqueue(queue, "id-18", Te("Started", "Authorized", "tx-2", 0));

        var ids = (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId).ToList();
        Assert.Equal(["id-00", "id-02", "id-04", "id-06", "id-07", "id-08", "id-09", "id-10", "id-11", "id-12", "id-13", "id-14", "id-15", "id-16", "id-17", "id-18"], ids);
        var stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(3, stats.DroppedForCapacity);
        Assert.Equal(16 * size, stats.AccountedBytes);

        // The next pass skips the limit-triggered id-08 (E12.FR.04) and keeps thinning alternately.
        for (var i = 19; i <= 21; i++)
        {
            await Enqueue(queue, $"id-{i:D2}", Te("Updated", "MeterValueClock", "tx-2", i));
        }

        ids = (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId).ToList();
        Assert.DoesNotContain("id-02", ids);
        Assert.DoesNotContain("id-06", ids);
        Assert.DoesNotContain("id-09", ids);
        Assert.Contains("id-04", ids);
        Assert.Contains("id-08", ids);
        Assert.Contains("id-00", ids);
        Assert.Contains("id-17", ids);
        Assert.Contains("id-18", ids);
        Assert.Equal(6, (await queue.GetStatisticsAsync(CancellationToken.None)).DroppedForCapacity);
    }

    [Fact]
    public async Task OverBudget_WithOnlyProtectedMessages_RefusesOthers_KeepsBillingData()
    {
        var size = SizeOf("TransactionEvent");
        var queue = CreateQueue(new OutboundQueueBudget(5 * size, 0.9, 0.8));
        for (var i = 0; i < 5; i++)
        {
            await Enqueue(queue, $"id-{i:D2}", Te(i % 2 == 0 ? "Started" : "Ended", "Authorized", $"tx-{i}", 0));
        }

        await Assert.ThrowsAsync<OutboundQueueFullException>(() => queue.EnqueueAsync("StatusNotification", Fixed("{}"), QueuePolicy.Normal, "id-90", CancellationToken.None).AsTask());
        var ended = await Enqueue(queue, "id-05", Te("Ended", "EVDeparted", "tx-4", 1));

        Assert.Equal(OutboundMessageKind.TransactionEnded, ended.Kind);
        var stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(6, stats.Count);
        Assert.Equal(1, stats.RefusedForCapacity);
        Assert.Equal(0, stats.DroppedForCapacity);
        Assert.DoesNotContain("id-90", (await queue.ListAsync(CancellationToken.None)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task WaitForEnqueue_CompletesOnNextEnqueue()
    {
        var queue = CreateQueue(null);
        var wait = queue.WaitForEnqueueAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);
        await queue.EnqueueAsync("Heartbeat", "{}"u8.ToArray(), QueuePolicy.Normal, "h", CancellationToken.None);
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A TransactionEvent payload of exactly <see cref="PayloadBytes"/> bytes.</summary>
    protected static byte[] Te(string eventType, string triggerReason, string transactionId, int seqNo) =>
        Fixed($$$"""{"eventType":"{{{eventType}}}","timestamp":"2025-05-01T08:00:00Z","triggerReason":"{{{triggerReason}}}","seqNo":{{{seqNo}}},"transactionInfo":{"transactionId":"{{{transactionId}}}"}}""");

    /// <summary>Pads a JSON object to exactly <see cref="PayloadBytes"/> bytes.</summary>
    protected static byte[] Fixed(string json)
    {
        var padded = json[..^1] + (json.Length > 2 ? "," : string.Empty) + "\"pad\":\"";
        padded += new string('x', PayloadBytes - padded.Length - 2) + "\"}";
        var bytes = Encoding.UTF8.GetBytes(padded);
        Assert.Equal(PayloadBytes, bytes.Length);
        return bytes;
    }

    protected static void AssertSame(OutboundMessage expected, OutboundMessage actual)
    {
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.Action, actual.Action);
        Assert.Equal(expected.PayloadJson.ToArray(), actual.PayloadJson.ToArray());
        Assert.Equal(expected.Policy, actual.Policy);
        Assert.Equal(expected.EnqueuedAt, actual.EnqueuedAt);
        Assert.Equal(expected.FailedAttempts, actual.FailedAttempts);
        Assert.Equal(expected.NotBefore, actual.NotBefore);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.TransactionId, actual.TransactionId);
        Assert.Equal(expected.IsDroppable, actual.IsDroppable);
    }

    /// <summary>Creates an empty queue on <see cref="Time"/>.</summary>
    protected abstract IOutboundQueue CreateQueue(OutboundQueueBudget? budget);

    protected virtual void Dispose(bool disposing)
    {
    }

    private Task<OutboundMessage> Enqueue(IOutboundQueue queue, string id, byte[] payload) =>
        queue.EnqueueAsync("TransactionEvent", payload, QueuePolicy.Transactional, id, CancellationToken.None).AsTask();
}
