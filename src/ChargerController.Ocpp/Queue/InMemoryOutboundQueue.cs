namespace ChargerController.Ocpp.Queue;

/// <summary>A volatile <see cref="IOutboundQueue"/>: same semantics as the durable one, nothing survives the process.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the name fixed by the design (conventions 2, Ocpp/Queue).")]
public sealed class InMemoryOutboundQueue : IOutboundQueue
{
    private readonly Lock _gate = new();
    private readonly List<OutboundMessage> _messages = [];
    private readonly TimeProvider _timeProvider;
    private TaskCompletionSource _enqueued = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    /// <summary>Initializes a new instance of the <see cref="InMemoryOutboundQueue"/> class.</summary>
    /// <param name="timeProvider">Clock for <see cref="OutboundMessage.EnqueuedAt"/>.</param>
    public InMemoryOutboundQueue(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public ValueTask<OutboundMessage> EnqueueAsync(string action, ReadOnlyMemory<byte> payloadJson, QueuePolicy policy, string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxAttempts, 1, nameof(policy));
        var now = _timeProvider.GetUtcNow();
        OutboundMessage message;
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_messages.Exists(m => m.MessageId == messageId))
            {
                throw new InvalidOperationException("Message id " + messageId + " is already queued.");
            }

            message = new OutboundMessage(++_sequence, messageId, action, payloadJson.ToArray(), policy, now, 0, now);
            _messages.Add(message);
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
            return ValueTask.FromResult(_messages.RemoveAll(m => m.MessageId == messageId) > 0);
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
            return ValueTask.FromResult(_messages.RemoveAll(m => !m.Policy.IsTransactional));
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
    public Task WaitForEnqueueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _enqueued.Task.WaitAsync(cancellationToken);
        }
    }
}
