using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Tests.Queue;
using ChargerController.Storage.Queue;
using ChargerController.Testing.Logging;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.Queue;

/// <summary>The shared <see cref="IOutboundQueue"/> contract against the SQLite queue on a real file.</summary>
public sealed class SqliteOutboundQueueTests : OutboundQueueContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("queue").FullName;
    private readonly List<SqliteOutboundQueue> _queues = [];

    public ListLogger Log { get; } = new();

    [Fact]
    public async Task Discard_IsLogged_WithReasonAndAttempts()
    {
        var queue = (SqliteOutboundQueue)CreateQueue(null);
        await queue.EnqueueAsync("TransactionEvent", Te("Ended", "EVDeparted", "tx-1", 2), QueuePolicy.Transactional, "te-1", CancellationToken.None);
        await queue.RecordFailedAttemptAsync("te-1", Time.GetUtcNow(), CancellationToken.None);

        await queue.DiscardAsync("te-1", OutboundDiscardReason.AttemptsExhausted, CancellationToken.None);

        var entry = Assert.Single(Log.Entries, e => e.EventId == 4104);
        Assert.Contains("te-1", entry.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptsExhausted", entry.Message, StringComparison.Ordinal);
        var record = Assert.Single(await queue.ListDiscardsAsync(10, CancellationToken.None));
        Assert.Equal(("te-1", OutboundDiscardReason.AttemptsExhausted, 1, "tx-1"), (record.MessageId, record.Reason, record.FailedAttempts, record.TransactionId));
        Assert.Equal(Te("Ended", "EVDeparted", "tx-1", 2), record.PayloadJson!.Value.ToArray());
    }

    [Fact]
    public async Task Reopen_StartupSecurityEvent_StaysKeptButNotTransactionRelated()
    {
        var path = Path.Combine(_dir, "reopen.db");
        using (var queue = new SqliteOutboundQueue(new StationDatabase(path), Time, Log))
        {
            await queue.EnqueueAsync("SecurityEventNotification", Fixed("""{"type":"StartupOfTheDevice","timestamp":"2025-05-01T08:00:00Z"}"""), QueuePolicy.GuaranteedDelivery, "sec-1", CancellationToken.None);
            await queue.EnqueueAsync("TransactionEvent", Te("Ended", "EVDeparted", "tx-1", 2), QueuePolicy.Transactional, "te-1", CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = new SqliteOutboundQueue(new StationDatabase(path), Time, Log);
        var list = await reopened.ListAsync(CancellationToken.None);
        Assert.Equal([false, true], list.Select(m => m.IsTransactionRelated));
        Assert.Equal(0, await reopened.DropNonTransactionalAsync(CancellationToken.None));
        var stats = await reopened.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal((2, 1), (stats.Count, stats.TransactionalCount));
        Assert.Contains("2 messages (1 transaction-related", Assert.Single(Log.Entries, e => e.EventId == 4100).Message, StringComparison.Ordinal);
    }

    protected override IOutboundQueue CreateQueue(OutboundQueueBudget? budget)
    {
        var queue = new SqliteOutboundQueue(
            new StationDatabase(Path.Combine(_dir, $"q{_queues.Count}.db")),
            Time,
            Log,
            new SqliteOutboundQueueOptions { Budget = budget });
        _queues.Add(queue);
        return queue;
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var queue in _queues)
        {
            queue.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        base.Dispose(disposing);
    }
}
