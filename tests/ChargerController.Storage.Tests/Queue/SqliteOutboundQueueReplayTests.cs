using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Serialization;
using ChargerController.Ocpp.Transport;
using ChargerController.Storage.Queue;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.Queue;

/// <summary>E12.FR.02 after a reboot: what was queued offline goes out oldest first, with its original ids, exactly once.</summary>
public sealed class SqliteOutboundQueueReplayTests : IDisposable
{
    private const string Password = "0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("queue-replay").FullName;

    private string DbPath => Path.Combine(_dir, StationDatabase.FileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task E12_FR_02_QueuedOfflineThenRestart_DeliveredInOrderWithOriginalIdsOnce()
    {
        var ids = new List<string>();
        using (var offline = new SqliteOutboundQueue(new StationDatabase(DbPath), TimeProvider.System, new ListLogger()))
        {
            for (var i = 0; i < 20; i++)
            {
                ids.Add((await offline.EnqueueAsync("TransactionEvent", QueueCrashWriter.Payload(i), QueuePolicy.Transactional, QueueCrashWriter.MessageId(i), CancellationToken.None)).MessageId);
            }
        }

        SqliteConnection.ClearAllPools();
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = Password });
        csms.Respond("TransactionEvent", "{}");
        using var queue = new SqliteOutboundQueue(new StationDatabase(DbPath), TimeProvider.System, new ListLogger());
        var transport = new WebSocketOcppTransport(
            new WebSocketTransportOptions
            {
                CsmsUrl = csms.Endpoint,
                StationId = "CS001",
                SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
                BasicAuthPassword = Password,
            },
            TimeProvider.System,
            new ListLogger());
        await using var connection = new OcppConnection(transport, new HandlerRegistry(OcppJsonContext.Default.Options), new OcppConnectionOptions(), TimeProvider.System, new ListLogger());
        await using var pump = new OutboundQueuePump(connection, queue, TimeProvider.System, new ListLogger());
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = 0;
        pump.Delivered += (_, _) =>
        {
            if (Interlocked.Increment(ref delivered) == ids.Count)
            {
                drained.TrySetResult();
            }
        };

        await connection.StartAsync(CancellationToken.None);
        await pump.StartAsync();
        await drained.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var session = await csms.WaitForSessionAsync();
        var sent = session.FromStation.Where(f => f.Action == "TransactionEvent").Select(f => f.MessageId!).ToList();
        Assert.Equal(ids, sent);
        Assert.Equal(0, (await queue.GetStatisticsAsync(CancellationToken.None)).Count);
    }
}
