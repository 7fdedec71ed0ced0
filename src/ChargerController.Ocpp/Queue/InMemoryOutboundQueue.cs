namespace ChargerController.Ocpp.Queue;

/// <summary>A volatile <see cref="IOutboundQueue"/>: same semantics as the durable one, nothing survives the process.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the name fixed by the design (conventions 2, Ocpp/Queue).")]
public sealed class InMemoryOutboundQueue : IOutboundQueue
{
    private readonly Lock _gate = new();
    private readonly List<OutboundMessage> _messages = [];
    private readonly TimeProvider _timeProvider;
    private readonly OutboundQueueBudget? _budget;
    private TaskCompletionSource _enqueued = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;
    private long _accountedBytes;
    private long _discardedAfterAttempts;
    private long _droppedForCapacity;
    private long _droppedNotQueuedOffline;
    private long _refusedForCapacity;

    /// <summary>Initializes a new instance of the <see cref="InMemoryOutboundQueue"/> class without a budget.</summary>
    /// <param name="timeProvider">Clock for <see cref="OutboundMessage.EnqueuedAt"/>.</param>
    public InMemoryOutboundQueue(TimeProvider timeProvider)
        : this(timeProvider, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InMemoryOutboundQueue"/> class.</summary>
    /// <param name="timeProvider">Clock for <see cref="OutboundMessage.EnqueuedAt"/>.</param>
    /// <param name="budget">Space budget, or <see langword="null"/> for none.</param>
    public InMemoryOutboundQueue(TimeProvider timeProvider, OutboundQueueBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        budget?.Validate();
        _timeProvider = timeProvider;
        _budget = budget;
    }

    /// <inheritdoc/>
    public ValueTask<OutboundMessage> EnqueueAsync(string action, ReadOnlyMemory<byte> payloadJson, QueuePolicy policy, string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxAttempts, 1, nameof(policy));
        var now = _timeProvider.GetUtcNow();
        var classification = OutboundMessageClassifier.Classify(action, payloadJson.Span);
        var size = OutboundQueueBudget.SizeOf(payloadJson.Length, messageId, action);
        OutboundMessage message;
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_messages.Exists(m => m.MessageId == messageId))
            {
                throw new InvalidOperationException("Message id " + messageId + " is already queued.");
            }

            MakeRoom(size, policy.IsTransactional);
            message = new OutboundMessage(++_sequence, messageId, action, payloadJson.ToArray(), policy, now, 0, now)
            {
                Kind = classification.Kind,
                TransactionId = classification.TransactionId,
                IsDroppable = classification.IsDroppable,
            };
            _messages.Add(message);
            _accountedBytes += size;
            signal = _enqueued;
            _enqueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
        return ValueTask.FromResult(message);
    }

    /// <inheritdoc/>
    public ValueTask<OutboundMessage?> PeekAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_messages.Count > 0 ? _messages[0] : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(RemoveWhere(m => m.MessageId == messageId) > 0);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> DiscardAsync(string messageId, OutboundDiscardReason reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var removed = RemoveWhere(m => m.MessageId == messageId);
            Count(reason, removed);
            return ValueTask.FromResult(removed > 0);
        }
    }

    /// <inheritdoc/>
    public ValueTask<OutboundMessage?> RecordFailedAttemptAsync(string messageId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.MessageId == messageId);
            if (index < 0)
            {
                return ValueTask.FromResult<OutboundMessage?>(null);
            }

            var updated = _messages[index] with { FailedAttempts = _messages[index].FailedAttempts + 1, NotBefore = notBefore };
            _messages[index] = updated;
            return ValueTask.FromResult<OutboundMessage?>(updated);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> DropNonTransactionalAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var removed = RemoveWhere(m => !m.Policy.IsTransactional);
            Count(OutboundDiscardReason.NotQueuedOffline, removed);
            return ValueTask.FromResult(removed);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OutboundMessage>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<OutboundMessage>>(_messages.ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(new QueueStatistics(
                _messages.Count,
                _messages.Count(m => m.IsTransactionRelated),
                _accountedBytes,
                _budget?.MaxBytes,
                _messages.Count > 0 ? _messages[0].EnqueuedAt : null,
                _discardedAfterAttempts,
                _droppedForCapacity,
                _droppedNotQueuedOffline,
                _refusedForCapacity));
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

    private void MakeRoom(long size, bool isTransactional)
    {
        if (_budget is null || _accountedBytes + size <= _budget.HighWaterBytes)
        {
            return;
        }

        var candidates = _messages.Where(m => m.IsDroppable)
            .Select(m => new ThinningCandidate(m.Sequence, OutboundQueueBudget.SizeOf(m.PayloadJson.Length, m.MessageId, m.Action)))
            .ToList();
        var drop = CapacityThinning.Select(candidates, _accountedBytes + size - _budget.LowWaterBytes).ToHashSet();
        Count(OutboundDiscardReason.CapacityThinning, RemoveWhere(m => drop.Contains(m.Sequence)));
        if (!isTransactional && _accountedBytes + size > _budget.MaxBytes)
        {
            _refusedForCapacity++;
            throw new OutboundQueueFullException(
                $"Outbound queue over its budget of {_budget.MaxBytes} bytes with only transaction-related messages left; message refused.");
        }
    }

    private int RemoveWhere(Predicate<OutboundMessage> match)
    {
        var removed = 0;
        for (var i = _messages.Count - 1; i >= 0; i--)
        {
            var m = _messages[i];
            if (match(m))
            {
                _accountedBytes -= OutboundQueueBudget.SizeOf(m.PayloadJson.Length, m.MessageId, m.Action);
                _messages.RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }

    private void Count(OutboundDiscardReason reason, int removed)
    {
        switch (reason)
        {
            case OutboundDiscardReason.AttemptsExhausted:
                _discardedAfterAttempts += removed;
                break;
            case OutboundDiscardReason.CapacityThinning:
                _droppedForCapacity += removed;
                break;
            case OutboundDiscardReason.NotQueuedOffline:
                _droppedNotQueuedOffline += removed;
                break;
            default:
                break;
        }
    }
}
