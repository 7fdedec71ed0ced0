using ChargerController.Ocpp.Queue;
using ChargerController.Station.Transactions;
using ChargerController.Storage.Migrations;
using ChargerController.Storage.Queue;
using ChargerController.Storage.Transactions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Storage.Tests.Transactions;

/// <summary>Open transactions survive a restart in the real SQLite file (E17, house rule 14).</summary>
public sealed class SqliteTransactionJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-tx-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void Save_ThenReopen_EveryFieldRestored()
    {
        var record = new TransactionRecord("4f1c7b5e-0000-4000-8000-000000000001", 2, 1, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), 7)
        {
            PendingSeqNo = 6,
            PendingPayload = """{"eventType":"Updated","seqNo":6}""",
            PendingIsEnded = false,
            EnqueuedSeqNo = 5,
            IdToken = "04A1B2C3",
            IdTokenType = "ISO14443",
            ChargingState = "Charging",
            LastEventAt = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero),
            MeterStartWh = 12345.5,
            LimitMaxEnergyWh = 2000.5,
            LimitMaxTimeS = 3600,
            LimitMaxCost = 12.345m,
            RunningCost = 0.1m,
            LimitReached = "EnergyLimitReached",
            InvalidIdSinceWh = 13000.25,
            InvalidIdExhausted = true,
            CableMaxCurrentA = 20,
            CsmsMaxEnergyWh = 1500.25,
            CsmsMaxTimeS = 1800,
            CsmsMaxCost = 7.125m,
            EndedValuesJson = """{"evseId":2,"meterValue":[{"timestamp":"2026-03-01T08:00:00Z","sampledValue":[{"value":12345.5}]}]}""",
        };
        new SqliteTransactionJournal(new StationDatabase(DbPath)).Save(record);

        var loaded = new SqliteTransactionJournal(new StationDatabase(DbPath)).LoadOpen();

        Assert.Equal(record, Assert.Single(loaded));
    }

    [Fact]
    public void RowFromBeforeTheLimitsMigration_LoadsWithoutLimitsOrSamples()
    {
        // A station upgraded mid-transaction: the row was written by the 0008 schema, the columns of 0009 were added after.
        var all = MigrationCatalog.Load();
        var limits = all.Single(m => m.Name.EndsWith("_txlimits.sql", StringComparison.Ordinal));
        using (var c = new SqliteConnection($"Data Source={DbPath}"))
        {
            c.Open();
            MigrationRunner.Migrate(c, all.TakeWhile(m => m.Version < limits.Version).ToList());
            using var insert = c.CreateCommand();
            insert.CommandText = "INSERT INTO open_transaction (transaction_id, evse_id, connector_id, started_utc_ticks, next_seq_no, pending_seq_no, pending_is_ended, enqueued_seq_no, last_event_utc_ticks, meter_start_wh) " +
                "VALUES ('tx-old', 1, 1, 0, 4, 3, 0, 3, 0, 100.0);";
            insert.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var loaded = Assert.Single(new SqliteTransactionJournal(new StationDatabase(DbPath)).LoadOpen());

        Assert.Equal(("tx-old", 4, 100.0), (loaded.TransactionId, loaded.NextSeqNo, loaded.MeterStartWh));
        Assert.Null(loaded.LimitMaxEnergyWh);
        Assert.Null(loaded.LimitMaxCost);
        Assert.False(loaded.InvalidIdExhausted);
        Assert.Null(loaded.EndedValuesJson);
        Assert.Null(loaded.CsmsMaxEnergyWh);
        Assert.Null(loaded.CsmsMaxCost);
    }

    [Fact]
    public void SaveTwice_Replaces_RemoveDeletes_NullsRoundTrip()
    {
        var journal = new SqliteTransactionJournal(new StationDatabase(DbPath));
        var record = new TransactionRecord("tx-a", 1, 1, DateTimeOffset.UnixEpoch, 0);
        journal.Save(record);
        journal.Save(record with { NextSeqNo = 3, PendingSeqNo = 2, PendingIsEnded = true });
        journal.Save(new TransactionRecord("tx-b", 2, 1, DateTimeOffset.UnixEpoch, 0));

        var loaded = journal.LoadOpen();
        Assert.Equal(2, loaded.Count);
        var a = loaded.Single(r => r.TransactionId == "tx-a");
        Assert.Equal(3, a.NextSeqNo);
        Assert.True(a.PendingIsEnded);
        Assert.Null(a.IdToken);
        Assert.Null(a.MeterStartWh);

        journal.Remove("tx-a");
        Assert.Equal("tx-b", Assert.Single(journal.LoadOpen()).TransactionId);
    }

    [Fact]
    public async Task Remove_WithRelaxedSync_IsGoneAfterReopen_AndLaterEnqueueStillDurable()
    {
        // The answered-message delete commits without its own fsync; a process restart still sees it gone.
        var database = new StationDatabase(DbPath);
        using (var queue = new SqliteOutboundQueue(database, TimeProvider.System, NullLogger.Instance))
        {
            await queue.EnqueueAsync("TransactionEvent", """{"seqNo":0}"""u8.ToArray(), QueuePolicy.Transactional, "m1", CancellationToken.None);
            await queue.EnqueueAsync("TransactionEvent", """{"seqNo":1}"""u8.ToArray(), QueuePolicy.Transactional, "m2", CancellationToken.None);
            Assert.True(await queue.RemoveAsync("m1", CancellationToken.None));
            await queue.EnqueueAsync("TransactionEvent", """{"seqNo":2}"""u8.ToArray(), QueuePolicy.Transactional, "m3", CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = new SqliteOutboundQueue(new StationDatabase(DbPath), TimeProvider.System, NullLogger.Instance);
        Assert.Equal(["m2", "m3"], (await reopened.ListAsync(CancellationToken.None)).Select(m => m.MessageId));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
