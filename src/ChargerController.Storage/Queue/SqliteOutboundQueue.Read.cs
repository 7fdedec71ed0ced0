using ChargerController.Ocpp.Queue;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Queue;

/// <summary>Reading rows back into <see cref="OutboundMessage"/>s, listings and statistics.</summary>
public sealed partial class SqliteOutboundQueue
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OutboundMessage>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Own connection: under WAL a reader sees the last commit and never blocks the writer.
        using var connection = _database.Open();
        using var list = connection.CreateCommand();
        list.CommandText = "SELECT " + Columns + " FROM outbound_queue ORDER BY seq;";
        using var reader = list.ExecuteReader();
        var messages = new List<OutboundMessage>();
        while (reader.Read())
        {
            messages.Add(ReadMessage(reader));
        }

        return ValueTask.FromResult<IReadOnlyList<OutboundMessage>>(messages);
    }

    /// <inheritdoc/>
    public ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset? oldest = null;
            using (var head = _writer.CreateCommand())
            {
                head.CommandText = "SELECT enqueued_utc_ticks FROM outbound_queue ORDER BY seq LIMIT 1;";
                if (head.ExecuteScalar() is long ticks)
                {
                    oldest = new DateTimeOffset(ticks, TimeSpan.Zero);
                }
            }

            return ValueTask.FromResult(new QueueStatistics(
                _count,
                CountTransactionRelated(),
                _accountedBytes,
                _budget?.MaxBytes,
                oldest,
                _counters.GetValueOrDefault(nameof(OutboundDiscardReason.AttemptsExhausted)),
                _counters.GetValueOrDefault(nameof(OutboundDiscardReason.CapacityThinning)),
                _counters.GetValueOrDefault(nameof(OutboundDiscardReason.NotQueuedOffline)),
                _counters.GetValueOrDefault(RefusedCounter)));
        }
    }

    // The "transactional" column is the policy's keep-offline flag, which critical security events share (A04.FR.02);
    // what is transaction-related is the classified kind (TransactionEvent only).
    private int CountTransactionRelated()
    {
        using var count = _writer.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM outbound_queue WHERE kind IN ({(long)OutboundMessageKind.TransactionStarted}, {(long)OutboundMessageKind.TransactionUpdated}, {(long)OutboundMessageKind.TransactionEnded});";
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the discard log, newest first (for support bundles and <c>chargerctl queue stats</c>).</summary>
    /// <param name="limit">At most this many records.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    public ValueTask<IReadOnlyList<OutboundDiscardRecord>> ListDiscardsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _database.Open();
        using var list = connection.CreateCommand();
        list.CommandText =
            "SELECT discarded_utc_ticks, reason, message_id, action, kind, transaction_id, failed_attempts, enqueued_utc_ticks, payload " +
            "FROM outbound_discard ORDER BY id DESC LIMIT $limit;";
        list.Parameters.AddWithValue("$limit", (long)limit);
        using var reader = list.ExecuteReader();
        var records = new List<OutboundDiscardRecord>();
        while (reader.Read())
        {
            records.Add(new OutboundDiscardRecord(
                new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
                Enum.TryParse<OutboundDiscardReason>(reader.GetString(1), out var reason) ? reason : OutboundDiscardReason.Purged,
                reader.GetString(2),
                reader.GetString(3),
                (OutboundMessageKind)reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(6),
                new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
                reader.IsDBNull(8) ? (ReadOnlyMemory<byte>?)null : (byte[])reader.GetValue(8)));
        }

        return ValueTask.FromResult<IReadOnlyList<OutboundDiscardRecord>>(records);
    }

    private static OutboundMessage ReadMessage(SqliteDataReader reader)
    {
        var policy = new QueuePolicy(reader.GetInt64(7) != 0, reader.GetInt32(8), TimeSpan.FromMilliseconds(reader.GetInt64(9)));
        return new OutboundMessage(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            (byte[])reader.GetValue(3),
            policy,
            new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero),
            reader.GetInt32(11),
            new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero))
        {
            Kind = (OutboundMessageKind)reader.GetInt64(4),
            TransactionId = reader.IsDBNull(5) ? null : reader.GetString(5),
            IsDroppable = reader.GetInt64(6) != 0,
        };
    }
}
