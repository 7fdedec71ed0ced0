namespace ChargerController.Ocpp.Queue;

/// <summary>
/// A CALL waiting for delivery. Its <see cref="MessageId"/> is assigned once, at enqueue time, and kept through
/// retries and restarts (Part 4 §4.1.4 allows a retried message to reuse its id), so a durable queue stores it.
/// </summary>
/// <param name="Sequence">Monotonic position in the queue (delivery order).</param>
/// <param name="MessageId">The CALL message id, fixed for the message's life.</param>
/// <param name="Action">The action, e.g. <c>TransactionEvent</c>.</param>
/// <param name="PayloadJson">The payload object as UTF-8 JSON.</param>
/// <param name="Policy">Retry and offline policy.</param>
/// <param name="EnqueuedAt">When it was queued.</param>
/// <param name="FailedAttempts">Attempts answered by CALLERROR or timeout so far.</param>
/// <param name="NotBefore">Earliest time of the next attempt.</param>
public sealed record OutboundMessage(
    long Sequence,
    string MessageId,
    string Action,
    ReadOnlyMemory<byte> PayloadJson,
    QueuePolicy Policy,
    DateTimeOffset EnqueuedAt,
    int FailedAttempts,
    DateTimeOffset NotBefore)
{
    /// <summary>Gets what the message is (set by the queue from its action and payload).</summary>
    public OutboundMessageKind Kind { get; init; }

    /// <summary>Gets the transaction a TransactionEvent belongs to (E14 <c>messagesInQueue</c>), otherwise <see langword="null"/>.</summary>
    public string? TransactionId { get; init; }

    /// <summary>Gets a value indicating whether capacity thinning may drop it (E12.FR.04, J02.FR.12).</summary>
    public bool IsDroppable { get; init; }

    /// <summary>
    /// Gets a value indicating whether it is transaction-related (a TransactionEvent), from its classified
    /// <see cref="Kind"/>. <see cref="QueuePolicy.IsTransactional"/> only says it is kept while offline.
    /// </summary>
    public bool IsTransactionRelated => OutboundMessageClassification.IsTransactionKind(Kind);
}
