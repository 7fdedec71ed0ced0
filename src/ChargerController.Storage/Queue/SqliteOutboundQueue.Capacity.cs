using System.Globalization;
using System.Text;
using ChargerController.Ocpp.Queue;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Queue;

/// <summary>Discards, the disk budget and the counters behind <see cref="GetStatisticsAsync"/>.</summary>
public sealed partial class SqliteOutboundQueue
{
    private const string RefusedCounter = "RefusedForCapacity";

    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<bool> DiscardAsync(string messageId, OutboundDiscardReason reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            string? action = null;
            var failedAttempts = 0;
            using (var find = _writer.CreateCommand())
            {
                find.CommandText = "SELECT action, failed_attempts FROM outbound_queue WHERE message_id = $id;";
                find.Parameters.AddWithValue("$id", messageId);
                using var reader = find.ExecuteReader();
                if (reader.Read())
                {
                    action = reader.GetString(0);
                    failedAttempts = reader.GetInt32(1);
                }
            }

            if (action is null)
            {
                return ValueTask.FromResult(false);
            }

            DiscardWhere("message_id = $id", reason, keepPayload: true, ("$id", messageId));
            _logger.QueueDiscarded(action, messageId, reason.ToString(), failedAttempts);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> DropNonTransactionalAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_count == _keptOfflineCount)
            {
                return ValueTask.FromResult(0);
            }

            var dropped = DiscardWhere("transactional = 0", OutboundDiscardReason.NotQueuedOffline, keepPayload: true).Count;
            _logger.QueueDroppedNonTransactional(dropped, nameof(OutboundDiscardReason.NotQueuedOffline));
            return ValueTask.FromResult(dropped);
        }
    }

    private void MakeRoom(long size, bool isTransactional, string action, string messageId)
    {
        if (_budget is null || _accountedBytes + size <= _budget.HighWaterBytes)
        {
            return;
        }

        var candidates = new List<ThinningCandidate>();
        using (var scan = _writer.CreateCommand())
        {
            scan.CommandText = "SELECT seq, " + AccountedSize + " FROM outbound_queue WHERE droppable = 1 ORDER BY seq;";
            using var reader = scan.ExecuteReader();
            while (reader.Read())
            {
                candidates.Add(new ThinningCandidate(reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        var drop = CapacityThinning.Select(candidates, _accountedBytes + size - _budget.LowWaterBytes);
        if (drop.Count > 0)
        {
            var list = new StringBuilder("[");
            foreach (var seq in drop)
            {
                list.Append(list.Length > 1 ? "," : string.Empty).Append(seq.ToString(CultureInfo.InvariantCulture));
            }

            var (dropped, freed) = DiscardWhere("seq IN (SELECT value FROM json_each($seqs))", OutboundDiscardReason.CapacityThinning, keepPayload: false, ("$seqs", list.Append(']').ToString()));
            _logger.QueueThinned(_budget.HighWaterBytes, dropped, freed);
        }

        if (_accountedBytes + size <= _budget.MaxBytes)
        {
            return;
        }

        if (!isTransactional)
        {
            AddToCounter(RefusedCounter, 1);
            _logger.QueueRefused(_accountedBytes, _budget.MaxBytes, action);
            throw new OutboundQueueFullException(
                $"Outbound queue over its budget of {_budget.MaxBytes} bytes with only transaction-related messages left; {action} refused.");
        }

        // Billing data is never refused nor dropped: the budget yields, the disk is the only hard limit.
        _logger.QueueOverBudget(_accountedBytes, _budget.MaxBytes, action, messageId);
    }

    /// <summary>Moves matching rows to the discard log and deletes them in one transaction; updates the totals.</summary>
    private (int Count, long Bytes) DiscardWhere(string where, OutboundDiscardReason reason, bool keepPayload, params (string Name, object Value)[] parameters)
    {
        var now = _timeProvider.GetUtcNow();
        using var tx = _writer.BeginTransaction();
        using (var log = _writer.CreateCommand())
        {
            log.Transaction = tx;
#pragma warning disable CA2100 // Constant SQL fragments chosen by this class; values go through parameters.
            log.CommandText =
                "INSERT INTO outbound_discard (discarded_utc_ticks, reason, message_id, action, kind, transaction_id, failed_attempts, enqueued_utc_ticks, payload) " +
                "SELECT $now, $reason, message_id, action, kind, transaction_id, failed_attempts, enqueued_utc_ticks, " + (keepPayload ? "payload" : "NULL") +
                " FROM outbound_queue WHERE " + where + " ORDER BY seq;";
#pragma warning restore CA2100
            log.Parameters.AddWithValue("$now", now.UtcTicks);
            log.Parameters.AddWithValue("$reason", reason.ToString());
            foreach (var (name, value) in parameters)
            {
                log.Parameters.AddWithValue(name, value);
            }

            log.ExecuteNonQuery();
        }

        var count = 0;
        long bytes = 0;
        var transactional = 0;
        using (var delete = _writer.CreateCommand())
        {
            delete.Transaction = tx;
#pragma warning disable CA2100 // As above.
            delete.CommandText = "DELETE FROM outbound_queue WHERE " + where + " RETURNING " + AccountedSize + ", transactional;";
#pragma warning restore CA2100
            foreach (var (name, value) in parameters)
            {
                delete.Parameters.AddWithValue(name, value);
            }

            using var reader = delete.ExecuteReader();
            while (reader.Read())
            {
                count++;
                bytes += reader.GetInt64(0);
                transactional += reader.GetInt64(1) != 0 ? 1 : 0;
            }
        }

        using (var cap = _writer.CreateCommand())
        {
            cap.Transaction = tx;
            cap.CommandText = "DELETE FROM outbound_discard WHERE id <= (SELECT max(id) FROM outbound_discard) - $limit;";
            cap.Parameters.AddWithValue("$limit", (long)_discardLogLimit);
            cap.ExecuteNonQuery();
        }

        AddToCounter(reason.ToString(), count, tx);
        tx.Commit();
        _count -= count;
        _keptOfflineCount -= transactional;
        _accountedBytes -= bytes;
        return (count, bytes);
    }

    private void AddToCounter(string name, long delta, SqliteTransaction? tx = null)
    {
        using (var add = _writer.CreateCommand())
        {
            add.Transaction = tx;
            add.CommandText = "INSERT INTO outbound_counter (name, value) VALUES ($name, $delta) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;";
            add.Parameters.AddWithValue("$name", name);
            add.Parameters.AddWithValue("$delta", delta);
            add.ExecuteNonQuery();
        }

        _counters[name] = _counters.GetValueOrDefault(name) + delta;
    }

    private void LoadTotals()
    {
        using (var totals = _writer.CreateCommand())
        {
            totals.CommandText = "SELECT count(*), coalesce(sum(transactional), 0), coalesce(sum(" + AccountedSize + "), 0) FROM outbound_queue;";
            using var reader = totals.ExecuteReader();
            reader.Read();
            _count = reader.GetInt32(0);
            _keptOfflineCount = reader.GetInt32(1);
            _accountedBytes = reader.GetInt64(2);
        }

        using var counters = _writer.CreateCommand();
        counters.CommandText = "SELECT name, value FROM outbound_counter;";
        using var rows = counters.ExecuteReader();
        while (rows.Read())
        {
            _counters[rows.GetString(0)] = rows.GetInt64(1);
        }
    }
}
