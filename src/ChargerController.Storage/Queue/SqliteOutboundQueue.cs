using ChargerController.Ocpp.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChargerController.Storage.Queue;

/// <summary>
/// The durable <see cref="IOutboundQueue"/> (house rule 14): one row per CALL in <c>outbound_queue</c>. An enqueue is
/// one INSERT committed on its own with <c>synchronous=FULL</c> in WAL mode, so when it returns the row has been
/// fsynced and survives a power cut; a row is deleted only when the CSMS answered (or it was discarded, which is
/// logged and counted). Message ids, order and attempt counts survive restarts. One writer connection, guarded by a
/// lock, does every write and the head reads; <see cref="ListAsync"/> reads on its own connection (WAL readers do not
/// block the writer).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the name fixed by the design (conventions 2, Ocpp/Queue).")]
public sealed partial class SqliteOutboundQueue : IOutboundQueue, IDisposable
{
    /// <summary>At most this many answered messages can come back (and be sent again) after a power cut.</summary>
    private const int RelaxedDeleteBatch = 64;

    private const string Columns = "seq, message_id, action, payload, kind, transaction_id, droppable, transactional, max_attempts, retry_interval_ms, enqueued_utc_ticks, failed_attempts, not_before_utc_ticks";

    // Same accounting as OutboundQueueBudget.SizeOf, computed by SQLite so deletes can report what they freed.
    private static readonly string AccountedSize = $"(length(payload) + length(message_id) + length(action) + {OutboundQueueBudget.RowOverheadBytes})";

    private readonly Lock _gate = new();
    private readonly StationDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly OutboundQueueBudget? _budget;
    private readonly int _discardLogLimit;
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _peek;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _relaxSync;
    private readonly SqliteCommand _fullSync;
    private readonly SqliteCommand _recordFailure;
    private TaskCompletionSource _enqueued = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private int _relaxedDeletes;
    private int _keptOfflineCount;
    private long _accountedBytes;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="SqliteOutboundQueue"/> class on a migrated database.</summary>
    /// <param name="database">The station database.</param>
    /// <param name="timeProvider">Clock for enqueue and discard times.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="options">Budget and discard-log settings; <see langword="null"/> for the defaults.</param>
    public SqliteOutboundQueue(StationDatabase database, TimeProvider timeProvider, ILogger logger, SqliteOutboundQueueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options ??= new SqliteOutboundQueueOptions();
        options.Budget?.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DiscardLogLimit, 0, nameof(options));
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
        _budget = options.Budget;
        _discardLogLimit = options.DiscardLogLimit;
        _writer = database.Open();
        _insert = Command(
            "INSERT INTO outbound_queue (message_id, action, payload, kind, transaction_id, droppable, transactional, max_attempts, retry_interval_ms, enqueued_utc_ticks, failed_attempts, not_before_utc_ticks) " +
            "VALUES ($id, $action, $payload, $kind, $tx, $droppable, $transactional, $maxAttempts, $retryMs, $enqueued, 0, $enqueued) RETURNING seq;",
            "$id",
            "$action",
            "$payload",
            "$kind",
            "$tx",
            "$droppable",
            "$transactional",
            "$maxAttempts",
            "$retryMs",
            "$enqueued");
        _peek = Command("SELECT " + Columns + " FROM outbound_queue ORDER BY seq LIMIT 1;");
        _delete = Command("DELETE FROM outbound_queue WHERE message_id = $id RETURNING " + AccountedSize + ", transactional;", "$id");
        _relaxSync = Command("PRAGMA synchronous=NORMAL;");
        _fullSync = Command("PRAGMA synchronous=FULL;");
        _recordFailure = Command(
            "UPDATE outbound_queue SET failed_attempts = failed_attempts + 1, not_before_utc_ticks = $notBefore WHERE message_id = $id RETURNING " + Columns + ";",
            "$notBefore",
            "$id");
        LoadTotals();
        if (_count > 0)
        {
            var transactionRelated = CountTransactionRelated();
            _logger.QueueOpened(_count, transactionRelated, _accountedBytes);
        }
    }

    /// <inheritdoc/>
    public ValueTask<OutboundMessage> EnqueueAsync(string action, ReadOnlyMemory<byte> payloadJson, QueuePolicy policy, string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxAttempts, 1, nameof(policy));
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        var classification = OutboundMessageClassifier.Classify(action, payloadJson.Span);
        var size = OutboundQueueBudget.SizeOf(payloadJson.Length, messageId, action);
        var payload = payloadJson.ToArray();
        OutboundMessage message;
        TaskCompletionSource signal;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            MakeRoom(size, policy.IsTransactional, action, messageId);
            _insert.Parameters[0].Value = messageId;
            _insert.Parameters[1].Value = action;
            _insert.Parameters[2].Value = payload;
            _insert.Parameters[3].Value = (long)classification.Kind;
            _insert.Parameters[4].Value = (object?)classification.TransactionId ?? DBNull.Value;
            _insert.Parameters[5].Value = classification.IsDroppable ? 1L : 0L;
            _insert.Parameters[6].Value = policy.IsTransactional ? 1L : 0L;
            _insert.Parameters[7].Value = (long)policy.MaxAttempts;
            _insert.Parameters[8].Value = (long)policy.RetryInterval.TotalMilliseconds;
            _insert.Parameters[9].Value = now.UtcTicks;
            long sequence;
            try
            {
                // Autocommit: this statement is its own transaction; with WAL + synchronous=FULL the commit fsyncs the
                // WAL before ExecuteScalar returns. That is the durability point the caller relies on.
                sequence = (long)_insert.ExecuteScalar()!;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                throw new InvalidOperationException("Message id " + messageId + " is already queued.", ex);
            }

            _count++;
            _keptOfflineCount += policy.IsTransactional ? 1 : 0;
            _accountedBytes += size;
            message = new OutboundMessage(sequence, messageId, action, payload, policy, now, 0, now)
            {
                Kind = classification.Kind,
                TransactionId = classification.TransactionId,
                IsDroppable = classification.IsDroppable,
            };
            signal = _enqueued;
            _enqueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
        return ValueTask.FromResult(message);
    }

    /// <inheritdoc/>
    public ValueTask<OutboundMessage?> PeekAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var reader = _peek.ExecuteReader();
            return ValueTask.FromResult(reader.Read() ? ReadMessage(reader) : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _delete.Parameters[0].Value = messageId;

            // Removing an answered message need not wait for the disk: in WAL mode a synchronous=NORMAL commit is
            // atomic and in order, only not yet fsynced. A power cut may bring the row back, and the message is sent
            // again (at-least-once: the CSMS sees a duplicate with the same id and content); it can never be lost.
            // The next FULL commit fsyncs the WAL with these deletes in it. Every RelaxedDeleteBatch-th delete, and the
            // one that empties the queue, is FULL itself, which bounds the re-sends after a power cut. This halves
            // the cost of a replay.
            var relaxed = ++_relaxedDeletes < RelaxedDeleteBatch && _count > 1;
            if (!relaxed)
            {
                _relaxedDeletes = 0;
            }

            if (relaxed)
            {
                _relaxSync.ExecuteNonQuery();
            }

            try
            {
                using var reader = _delete.ExecuteReader();
                if (!reader.Read())
                {
                    return ValueTask.FromResult(false);
                }

                Forget(reader.GetInt64(0), reader.GetInt64(1) != 0);
                return ValueTask.FromResult(true);
            }
            finally
            {
                if (relaxed)
                {
                    _fullSync.ExecuteNonQuery();
                }
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<OutboundMessage?> RecordFailedAttemptAsync(string messageId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _recordFailure.Parameters[0].Value = notBefore.UtcTicks;
            _recordFailure.Parameters[1].Value = messageId;
            using var reader = _recordFailure.ExecuteReader();
            return ValueTask.FromResult(reader.Read() ? ReadMessage(reader) : null);
        }
    }

    /// <inheritdoc/>
    public Task WaitForEnqueueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _enqueued.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Closes the writer connection. Everything acknowledged is already on disk.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _insert.Dispose();
            _peek.Dispose();
            _delete.Dispose();
            _relaxSync.Dispose();
            _fullSync.Dispose();
            _recordFailure.Dispose();
            _writer.Dispose();
        }
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _writer.CreateCommand();
#pragma warning disable CA2100 // Constant SQL; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private void Forget(long bytes, bool transactional)
    {
        _count--;
        _keptOfflineCount -= transactional ? 1 : 0;
        _accountedBytes -= bytes;
    }
}
