using System.Globalization;
using System.Text;
using ChargerController.Control.Wire;

namespace ChargerController.Cli.Output;

/// <summary>Text output of <c>chargerctl queue</c>.</summary>
public static class QueueRenderer
{
    /// <summary>The counters.</summary>
    /// <param name="s">The statistics.</param>
    /// <returns>The text.</returns>
    public static string Format(QueueStats s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"queued:                {s.Count} ({s.TransactionalCount} transaction-related)");
        text.AppendLine(CultureInfo.InvariantCulture, $"size:                  {s.Bytes} bytes{(s.BudgetBytes is { } b ? $" of {b} budget" : string.Empty)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"oldest:                {(s.OldestEnqueuedAt is { } t ? t.ToString("u", CultureInfo.InvariantCulture) : "-")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"discarded (attempts):  {s.DiscardedAfterAttempts}");
        text.AppendLine(CultureInfo.InvariantCulture, $"thinned (space):       {s.DroppedForCapacity}");
        text.AppendLine(CultureInfo.InvariantCulture, $"dropped (offline):     {s.DroppedNotQueuedOffline}");
        text.AppendLine(CultureInfo.InvariantCulture, $"refused (space):       {s.RefusedForCapacity}");
        return text.ToString();
    }

    /// <summary>The messages in delivery order.</summary>
    /// <param name="list">The list.</param>
    /// <returns>The text.</returns>
    public static string Format(QueueList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var text = new StringBuilder();
        text.AppendLine("SEQ     ACTION                      KIND                 ATTEMPTS  ENQUEUED              TRANSACTION");
        foreach (var m in list.Messages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{m.Sequence,-7} {m.Action,-27} {m.Kind,-20} {m.FailedAttempts,8}  {m.EnqueuedAt.ToString("u", CultureInfo.InvariantCulture),-20}  {m.TransactionId ?? "-"}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{list.Messages.Count} of {list.Total} queued message(s) shown");
        return text.ToString();
    }
}
