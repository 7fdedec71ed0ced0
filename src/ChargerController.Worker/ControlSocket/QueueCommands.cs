using System.Globalization;
using System.Text.Json;
using ChargerController.Control.Wire;
using ChargerController.Ocpp.Queue;

namespace ChargerController.Worker.ControlSocket;

/// <summary>queue.stats / queue.list: what waits for the CSMS (payloads are not shown: they may hold idTokens).</summary>
internal sealed class QueueCommands(IOutboundQueue queue) : IControlCommandModule
{
    private const int DefaultLimit = 50;

    public void Register(ControlRequestRouter router)
    {
        router.Map(ControlCommands.QueueStats, async (_, ct) =>
        {
            var s = await queue.GetStatisticsAsync(ct).ConfigureAwait(false);
            var stats = new QueueStats(s.Count, s.TransactionalCount, s.AccountedBytes, s.BudgetBytes, s.OldestEnqueuedAt, s.DiscardedAfterAttempts, s.DroppedForCapacity, s.DroppedNotQueuedOffline, s.RefusedForCapacity);
            return new ControlResponse(true, JsonSerializer.SerializeToElement(stats, ControlJsonContext.Default.QueueStats));
        });
        router.Map(ControlCommands.QueueList, async (request, ct) =>
        {
            var raw = request.Arg(ControlArgs.Limit);
            var limit = DefaultLimit;
            if (raw is not null && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
            {
                return ControlReplies.Fail(ControlErrorCodes.InvalidArgument, $"'{raw}' is not a positive number of messages");
            }

            var all = await queue.ListAsync(ct).ConfigureAwait(false);
            var entries = all.Take(limit).Select(m => new QueueEntry(
                m.Sequence, m.MessageId, m.Action, m.Kind.ToString(), m.TransactionId, m.IsTransactionRelated, m.FailedAttempts, m.EnqueuedAt, m.NotBefore, m.PayloadJson.Length)).ToList();
            return new ControlResponse(true, JsonSerializer.SerializeToElement(new QueueList(all.Count, entries), ControlJsonContext.Default.QueueList));
        });
    }
}
