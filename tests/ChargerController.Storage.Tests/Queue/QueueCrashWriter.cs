using System.Globalization;
using ChargerController.Ocpp.Queue;
using ChargerController.Storage.Queue;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Storage.Tests.Queue;

/// <summary>
/// The child side of the power-loss test: enqueues TransactionEvents forever and prints <c>ack N</c> after each
/// enqueue returned, i.e. after the row is durable. The parent kills it with SIGKILL at an arbitrary instant.
/// </summary>
internal static class QueueCrashWriter
{
    public const string Switch = "--queue-crash-writer";

    public static string MessageId(int i) => "crash-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static byte[] Payload(int i) => System.Text.Encoding.UTF8.GetBytes(
        $$$"""{"eventType":"Updated","timestamp":"2025-05-01T08:00:00Z","triggerReason":"MeterValuePeriodic","seqNo":{{{i}}},"transactionInfo":{"transactionId":"tx-crash"},"meterValue":[{"timestamp":"2025-05-01T08:00:00Z","sampledValue":[{"value":{{{i * 10}}}}]}]}""");

    public static async Task<int> RunAsync(string path)
    {
        var database = new StationDatabase(path);
        using var queue = new SqliteOutboundQueue(database, TimeProvider.System, NullLogger.Instance, new SqliteOutboundQueueOptions { Budget = null });
        var stdout = Console.Out;
        for (var i = 0; ; i++)
        {
            await queue.EnqueueAsync("TransactionEvent", Payload(i), QueuePolicy.Transactional, MessageId(i), CancellationToken.None);
            await stdout.WriteLineAsync("ack " + i.ToString(CultureInfo.InvariantCulture));
            await stdout.FlushAsync();
        }
    }
}
