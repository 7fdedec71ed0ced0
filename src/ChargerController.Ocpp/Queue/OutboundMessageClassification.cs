namespace ChargerController.Ocpp.Queue;

/// <summary>The retention facts of one queued message.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="TransactionId">The <c>transactionInfo.transactionId</c> of a TransactionEvent, otherwise <see langword="null"/>.</param>
/// <param name="IsDroppable">Whether it may be dropped when the queue runs out of space (E12.FR.04, J02.FR.12).</param>
public readonly record struct OutboundMessageClassification(OutboundMessageKind Kind, string? TransactionId, bool IsDroppable)
{
    /// <summary>Gets the classification of a message the capacity rules never touch.</summary>
    public static OutboundMessageClassification Protected { get; } = new(OutboundMessageKind.Other, null, false);

    /// <summary>Gets a value indicating whether the message is transaction-related (a TransactionEvent, Part 2 E §1.3, E13, E14).</summary>
    public bool IsTransactionRelated => IsTransactionKind(Kind);

    /// <summary>Whether a kind is transaction-related: only TransactionEvent is (E11.FR.01, E13, E14); the meter values of a
    /// transaction travel inside it (J02). A SecurityEventNotification is queued with guaranteed delivery (A04.FR.02) but is
    /// not transaction-related: it must not count for E14 <c>messagesInQueue</c> nor use the E13 TransactionEvent retries.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether it is Started, Updated or Ended.</returns>
    public static bool IsTransactionKind(OutboundMessageKind kind) =>
        kind is OutboundMessageKind.TransactionStarted or OutboundMessageKind.TransactionUpdated or OutboundMessageKind.TransactionEnded;
}
