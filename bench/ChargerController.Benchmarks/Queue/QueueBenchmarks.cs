using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Transport;
using ChargerController.Storage;
using ChargerController.Storage.Queue;
using ChargerController.Testing.Csms;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Benchmarks.Queue;

/// <summary>
/// The persistent outbound queue on this machine's disk: durable enqueue latency (each one fsynced), replay of queued
/// TransactionEvents through OutboundQueuePump to a loopback WebSocket CSMS, and file size per queued event.
/// Run: dotnet run -c Release --project bench/ChargerController.Benchmarks -- --queue [latencyN] [replayN] [sizeN]
/// </summary>
public static class QueueBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var latencyN = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var replayN = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var sizeN = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        var dir = Directory.CreateTempSubdirectory("queue-bench").FullName;
        try
        {
            Console.WriteLine($"Persistent outbound queue: {Environment.ProcessorCount} cores, temp dir {dir}, payload {Payload(0).Length} bytes (TransactionEvent Updated, 10 sampled values)");
            Latency(Path.Combine(dir, "latency.db"), latencyN);
            await ReplayAsync(Path.Combine(dir, "replay.db"), replayN);
            Size(Path.Combine(dir, "size.db"), sizeN);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static byte[] Payload(int i)
    {
        var sampled = new StringBuilder();
        string[] measurands = ["Energy.Active.Import.Register", "Power.Active.Import", "Current.Import", "Current.Import", "Current.Import", "Voltage", "Voltage", "Voltage", "Frequency", "SoC"];
        for (var k = 0; k < measurands.Length; k++)
        {
            sampled.Append(k == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{"value":{{1000 + i + k}}.5,"measurand":"{{measurands[k]}}"{{(k is >= 2 and <= 7 ? $",\"phase\":\"L{k % 3 + 1}\"" : string.Empty)}}}""");
        }

        return Encoding.UTF8.GetBytes(
            $$$"""{"eventType":"Updated","timestamp":"2025-05-01T08:00:00.000Z","triggerReason":"MeterValuePeriodic","seqNo":{{{i}}},"offline":true,"transactionInfo":{"transactionId":"7c0e6a54-2f47-4b7a-9f7e-3f1c2a8d9b10","chargingState":"Charging"},"evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2025-05-01T08:00:00.000Z","sampledValue":[{{{sampled}}}]}]}""");
    }

    private static void Latency(string path, int n)
    {
        using var queue = new SqliteOutboundQueue(new StationDatabase(path), TimeProvider.System, NullLogger.Instance, new SqliteOutboundQueueOptions { Budget = null });
        for (var i = 0; i < 50; i++)
        {
            _ = queue.EnqueueAsync("TransactionEvent", Payload(i), QueuePolicy.Transactional, "warm-" + i, CancellationToken.None).AsTask().Result;
        }

        var enqueue = new List<double>(n);
        var remove = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var id = Guid.NewGuid().ToString();
            var start = Stopwatch.GetTimestamp();
            _ = queue.EnqueueAsync("TransactionEvent", Payload(i), QueuePolicy.Transactional, id, CancellationToken.None).AsTask().Result;
            enqueue.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        foreach (var m in queue.ListAsync(CancellationToken.None).AsTask().Result)
        {
            var start = Stopwatch.GetTimestamp();
            _ = queue.RemoveAsync(m.MessageId, CancellationToken.None).AsTask().Result;
            remove.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Console.WriteLine();
        Console.WriteLine("| operation (each its own fsynced commit) | n | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Row("durable enqueue", enqueue);
        Row("remove after CSMS answer", remove);
    }

    private static async Task ReplayAsync(string path, int n)
    {
        using var queue = new SqliteOutboundQueue(new StationDatabase(path), TimeProvider.System, NullLogger.Instance, new SqliteOutboundQueueOptions { Budget = null });
        var fill = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            await queue.EnqueueAsync("TransactionEvent", Payload(i), QueuePolicy.Transactional, Guid.NewGuid().ToString(), CancellationToken.None);
        }

        var fillSeconds = Stopwatch.GetElapsedTime(fill).TotalSeconds;
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef" });
        csms.Respond("TransactionEvent", "{}");
        var transport = new WebSocketOcppTransport(
            new WebSocketTransportOptions
            {
                CsmsUrl = csms.Endpoint,
                StationId = "BENCH01",
                SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
                BasicAuthPassword = "0123456789abcdef",
                MaxFrameBytes = 65536,
            },
            TimeProvider.System,
            NullLogger.Instance);
        await using var connection = new OcppConnection(transport, new HandlerRegistry(OcppJsonContext.Default.Options), new OcppConnectionOptions(), TimeProvider.System, NullLogger.Instance);
        await connection.StartAsync(CancellationToken.None);
        await connection.WaitUntilConnectedAsync(CancellationToken.None);
        var delivered = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var pump = new OutboundQueuePump(connection, queue, TimeProvider.System, NullLogger.Instance);
        pump.Delivered += (_, e) =>
        {
            if (e.Error is null && Interlocked.Increment(ref delivered) == n)
            {
                done.TrySetResult();
            }
        };
        var start = Stopwatch.GetTimestamp();
        await pump.StartAsync();
        await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay: {n} queued TransactionEvents (filled in {fillSeconds:0.0} s) delivered to a loopback CSMS in {seconds:0.00} s = {n / seconds:0} msg/s (one CALL in flight, each answered, then its row deleted: synchronous=NORMAL, fsynced with the next durable write)"));
        var left = (await queue.GetStatisticsAsync(CancellationToken.None)).Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queue left: {left}"));
    }

    private static void Size(string path, int n)
    {
        // The fill goes through the queue's own INSERT but in one transaction (an fsync per row would only measure the disk again).
        var database = new StationDatabase(path);
        using (var queue = new SqliteOutboundQueue(database, TimeProvider.System, NullLogger.Instance, new SqliteOutboundQueueOptions { Budget = null }))
        {
            _ = queue.EnqueueAsync("TransactionEvent", Payload(0), QueuePolicy.Transactional, Guid.NewGuid().ToString(), CancellationToken.None).AsTask().Result;
        }

        var start = Stopwatch.GetTimestamp();
        using (var c = database.Open())
        {
            using var tx = c.BeginTransaction();
            using var insert = c.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO outbound_queue (message_id, action, payload, kind, transaction_id, droppable, transactional, max_attempts, retry_interval_ms, enqueued_utc_ticks, failed_attempts, not_before_utc_ticks) VALUES ($id, 'TransactionEvent', $p, 2, '7c0e6a54-2f47-4b7a-9f7e-3f1c2a8d9b10', 1, 1, 3, 60000, $t, 0, $t);";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var p = insert.Parameters.Add("$p", SqliteType.Blob);
            insert.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.UtcTicks);
            for (var i = 1; i < n; i++)
            {
                id.Value = Guid.NewGuid().ToString();
                p.Value = Payload(i);
                insert.ExecuteNonQuery();
            }

            tx.Commit();
            using var checkpoint = c.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        var fill = Stopwatch.GetElapsedTime(start).TotalSeconds;
        SqliteConnection.ClearAllPools();
        var bytes = new FileInfo(path).Length;
        var open = Stopwatch.GetTimestamp();
        using var reopened = new SqliteOutboundQueue(new StationDatabase(path), TimeProvider.System, NullLogger.Instance, new SqliteOutboundQueueOptions { Budget = null });
        var stats = reopened.GetStatisticsAsync(CancellationToken.None).AsTask().Result;
        var openMs = Stopwatch.GetElapsedTime(open).TotalMilliseconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: {stats.Count} queued TransactionEvents -> {bytes / 1048576.0:0.0} MiB file ({bytes / (double)stats.Count:0} bytes/event; accounted {stats.AccountedBytes / (double)stats.Count:0} bytes/event); batch fill {fill:0.0} s; reopen + totals {openMs:0} ms"));
    }

    private static void Row(string name, List<double> ms)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms.Count} | {P(0.50):0.000} | {P(0.90):0.000} | {P(0.99):0.000} | {ms[^1]:0.000} |"));
    }
}
