using System.Diagnostics;
using ChargerController.Ocpp.Queue;
using ChargerController.Storage.Queue;
using ChargerController.Testing.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Storage.Tests.Queue;

/// <summary>Weeks offline: 100,000 queued TransactionEvents (fixture batch-inserted in one transaction to stay fast).</summary>
public sealed class SqliteOutboundQueueCapacityTests : IDisposable
{
    private const int Rows = 100_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("queue-capacity").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));

    private string DbPath => Path.Combine(_dir, StationDatabase.FileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task HundredThousandQueued_ReopenServesHeadInOrder_ThinningKeepsStartedAndEnded()
    {
        var database = new StationDatabase(DbPath);
        var fixture = Stopwatch.StartNew();
        Fill(database);
        fixture.Stop();

        // Budget just under what is queued: the next enqueue thins (E12.FR.05) across all 100,000 rows.
        var perRow = OutboundQueueBudget.SizeOf(QueueCrashWriter.Payload(99_999).Length, QueueCrashWriter.MessageId(0), "TransactionEvent");
        var budget = new OutboundQueueBudget(Rows * perRow, 0.9, 0.8);
        using var queue = new SqliteOutboundQueue(database, _time, new ListLogger(), new SqliteOutboundQueueOptions { Budget = budget });
        var stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(Rows, stats.Count);
        var head = (await queue.PeekAsync(CancellationToken.None))!;
        Assert.Equal((QueueCrashWriter.MessageId(0), OutboundMessageKind.TransactionStarted), (head.MessageId, head.Kind));

        var thinning = Stopwatch.StartNew();
        await queue.EnqueueAsync("TransactionEvent", QueueCrashWriter.Payload(1), QueuePolicy.Transactional, "after-fill", CancellationToken.None);
        thinning.Stop();

        stats = await queue.GetStatisticsAsync(CancellationToken.None);
        Assert.True(stats.AccountedBytes <= budget.LowWaterBytes + perRow, $"{stats.AccountedBytes} > {budget.LowWaterBytes}");
        Assert.True(stats.DroppedForCapacity > 0);
        Assert.Equal(Rows + 1 - stats.Count, stats.DroppedForCapacity);
        var all = await queue.ListAsync(CancellationToken.None);
        Assert.Equal(QueueCrashWriter.MessageId(0), all[0].MessageId);
        Assert.Equal(QueueCrashWriter.MessageId(Rows - 1), all[^2].MessageId);
        Assert.Equal("after-fill", all[^1].MessageId);
        Assert.Equal(OutboundMessageKind.TransactionEnded, all[^2].Kind);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Console.WriteLine($"100k fixture {fixture.ElapsedMilliseconds} ms, thinning enqueue {thinning.ElapsedMilliseconds} ms");
    }

    private static void Fill(StationDatabase database)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText =
            "INSERT INTO outbound_queue (message_id, action, payload, kind, transaction_id, droppable, transactional, max_attempts, retry_interval_ms, enqueued_utc_ticks, failed_attempts, not_before_utc_ticks) " +
            "VALUES ($id, 'TransactionEvent', $p, $kind, 'tx-crash', $droppable, 1, 3, 60000, 0, 0, 0);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var p = insert.Parameters.Add("$p", SqliteType.Blob);
        var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
        var droppable = insert.Parameters.Add("$droppable", SqliteType.Integer);
        for (var i = 0; i < Rows; i++)
        {
            var k = i == 0 ? OutboundMessageKind.TransactionStarted : i == Rows - 1 ? OutboundMessageKind.TransactionEnded : OutboundMessageKind.TransactionUpdated;
            id.Value = QueueCrashWriter.MessageId(i);
            p.Value = QueueCrashWriter.Payload(i);
            kind.Value = (long)k;
            droppable.Value = k == OutboundMessageKind.TransactionUpdated ? 1L : 0L;
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
