using System.Diagnostics;
using ChargerController.Ocpp.Queue;
using ChargerController.Storage.Queue;
using ChargerController.Testing.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Storage.Tests.Queue;

/// <summary>House rule 14 reboot tests: close or kill mid-operation, reopen the same file, nothing lost or duplicated.</summary>
public sealed class SqliteOutboundQueueDurabilityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("queue-reboot").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _log = new();

    private string DbPath => Path.Combine(_dir, StationDatabase.FileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Reopen_AfterCloseWithoutRemoving_KeepsOrderIdsAttemptsAndPayloads()
    {
        IReadOnlyList<OutboundMessage> before;
        using (var queue = Open())
        {
            for (var i = 0; i < 50; i++)
            {
                var policy = i % 5 == 0 ? QueuePolicy.Normal : new QueuePolicy(true, 4, TimeSpan.FromSeconds(30));
                await queue.EnqueueAsync(i % 5 == 0 ? "StatusNotification" : "TransactionEvent", QueueCrashWriter.Payload(i), policy, QueueCrashWriter.MessageId(i), CancellationToken.None);
                _time.Advance(TimeSpan.FromMilliseconds(1234.5678));
            }

            await queue.RecordFailedAttemptAsync(QueueCrashWriter.MessageId(1), _time.GetUtcNow().AddSeconds(30), CancellationToken.None);
            await queue.RecordFailedAttemptAsync(QueueCrashWriter.MessageId(1), _time.GetUtcNow().AddSeconds(60), CancellationToken.None);
            await queue.RemoveAsync(QueueCrashWriter.MessageId(0), CancellationToken.None);
            before = await queue.ListAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = Open();
        var after = await reopened.ListAsync(CancellationToken.None);

        Assert.Equal(49, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i] with { PayloadJson = default }, after[i] with { PayloadJson = default });
            Assert.Equal(before[i].PayloadJson.ToArray(), after[i].PayloadJson.ToArray());
        }

        var head = (await reopened.PeekAsync(CancellationToken.None))!;
        Assert.Equal((QueueCrashWriter.MessageId(1), 2), (head.MessageId, head.FailedAttempts));
        Assert.Equal(40, (await reopened.GetStatisticsAsync(CancellationToken.None)).TransactionalCount);
        Assert.True(_log.Has(4100));
    }

    [Fact]
    public async Task Reopen_AfterQueueDrained_NewSequencesStillIncrease()
    {
        long last;
        using (var queue = Open())
        {
            last = (await queue.EnqueueAsync("TransactionEvent", QueueCrashWriter.Payload(1), QueuePolicy.Transactional, "a", CancellationToken.None)).Sequence;
            await queue.RemoveAsync("a", CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = Open();
        var next = await reopened.EnqueueAsync("TransactionEvent", QueueCrashWriter.Payload(2), QueuePolicy.Transactional, "b", CancellationToken.None);
        Assert.True(next.Sequence > last);
    }

    [Fact]
    public async Task Reopen_KeepsCountersAndDiscardLog()
    {
        var budget = new OutboundQueueBudget(10 * OutboundQueueBudget.SizeOf(QueueCrashWriter.Payload(5).Length, QueueCrashWriter.MessageId(0), "TransactionEvent"));
        using (var queue = Open(budget))
        {
            for (var i = 0; i < 12; i++)
            {
                await queue.EnqueueAsync("TransactionEvent", QueueCrashWriter.Payload(i + 5), QueuePolicy.Transactional, QueueCrashWriter.MessageId(i), CancellationToken.None);
            }

            await queue.DiscardAsync(QueueCrashWriter.MessageId(11), OutboundDiscardReason.AttemptsExhausted, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = Open(budget);
        var stats = await reopened.GetStatisticsAsync(CancellationToken.None);
        Assert.True(stats.DroppedForCapacity > 0);
        Assert.Equal(1, stats.DiscardedAfterAttempts);
        Assert.Equal(12 - stats.DroppedForCapacity - 1, stats.Count);

        var log = await reopened.ListDiscardsAsync(100, CancellationToken.None);
        Assert.Equal(stats.DroppedForCapacity + 1, log.Count);
        Assert.Equal(QueueCrashWriter.MessageId(11), log[0].MessageId);
        Assert.NotNull(log[0].PayloadJson);
        Assert.All(log.Skip(1), r => Assert.Equal((OutboundDiscardReason.CapacityThinning, (ReadOnlyMemory<byte>?)null), (r.Reason, r.PayloadJson)));
        Assert.True(_log.Has(4101));
    }

    [Fact]
    public async Task DiscardLog_KeepsOnlyTheNewestRecords_TotalsKeepCounting()
    {
        using var queue = Open(null, discardLogLimit: 3);
        for (var i = 0; i < 5; i++)
        {
            await queue.EnqueueAsync("TransactionEvent", QueueCrashWriter.Payload(i), QueuePolicy.Transactional, QueueCrashWriter.MessageId(i), CancellationToken.None);
            await queue.DiscardAsync(QueueCrashWriter.MessageId(i), OutboundDiscardReason.AttemptsExhausted, CancellationToken.None);
        }

        var log = await queue.ListDiscardsAsync(10, CancellationToken.None);
        Assert.Equal([QueueCrashWriter.MessageId(4), QueueCrashWriter.MessageId(3), QueueCrashWriter.MessageId(2)], log.Select(r => r.MessageId));
        Assert.Equal(5, (await queue.GetStatisticsAsync(CancellationToken.None)).DiscardedAfterAttempts);
    }

    [Fact]
    public async Task ConcurrentWritersAndReaders_EveryEnqueueStoredOnce_InSequenceOrder()
    {
        using var queue = Open();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await queue.EnqueueAsync("TransactionEvent", QueueCrashWriter.Payload(i), QueuePolicy.Transactional, $"w{w}-{i:D3}", CancellationToken.None);
            }
        }));
        var reader = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var snapshot = await queue.ListAsync(CancellationToken.None);
                Assert.True(snapshot.Zip(snapshot.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
                await queue.GetStatisticsAsync(CancellationToken.None);
            }
        });
        await Task.WhenAll([.. writers, reader]);

        var all = await queue.ListAsync(CancellationToken.None);
        Assert.Equal(200, all.Select(m => m.MessageId).Distinct().Count());
        for (var w = 0; w < 4; w++)
        {
            var mine = all.Where(m => m.MessageId.StartsWith($"w{w}-", StringComparison.Ordinal)).Select(m => m.MessageId).ToList();
            Assert.Equal(mine.Order(StringComparer.Ordinal), mine);
        }
    }

    [Fact]
    public async Task PowerLoss_ChildKilledMidEnqueueLoop_EveryAcknowledgedMessageSurvivesInOrderOnce()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath!;
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", typeof(QueueCrashWriter).Assembly.Location, QueueCrashWriter.Switch, DbPath })
        {
            start.ArgumentList.Add(arg);
        }

        var lastAck = -1;
        using (var child = Process.Start(start)!)
        {
            try
            {
                // Kill at an arbitrary point once a few hundred rows are acknowledged (the child is mid-INSERT most of the time).
                var target = 200 + Random.Shared.Next(100);
                while (lastAck < target)
                {
                    var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                    if (line is null)
                    {
                        Assert.Fail("child exited: " + await child.StandardError.ReadToEndAsync());
                    }

                    lastAck = int.Parse(line!.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            finally
            {
                child.Kill(); // SIGKILL: no finalizers, no Dispose, no WAL checkpoint.
                await child.WaitForExitAsync();
            }

            // Acks printed before the kill may still sit in the pipe: the last one is the true acknowledgement point.
            while (await child.StandardOutput.ReadLineAsync() is { } rest)
            {
                lastAck = int.Parse(rest.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        using (var check = new SqliteConnection($"Data Source={DbPath}"))
        {
            check.Open();
            using var cmd = check.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", cmd.ExecuteScalar());
        }

        using var reopened = Open();
        var rows = await reopened.ListAsync(CancellationToken.None);

        // Every acknowledged enqueue is there; at most one more (committed, killed before it printed its ack).
        Assert.InRange(rows.Count, lastAck + 1, lastAck + 2);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(QueueCrashWriter.MessageId(i), rows[i].MessageId);
            Assert.Equal(QueueCrashWriter.Payload(i), rows[i].PayloadJson.ToArray());
            Assert.Equal(OutboundMessageKind.TransactionUpdated, rows[i].Kind);
            Assert.True(i == 0 || rows[i - 1].Sequence < rows[i].Sequence);
        }
    }

    private SqliteOutboundQueue Open(OutboundQueueBudget? budget = null, int discardLogLimit = 10_000) =>
        new(new StationDatabase(DbPath), _time, _log, new SqliteOutboundQueueOptions { Budget = budget, DiscardLogLimit = discardLogLimit });
}
