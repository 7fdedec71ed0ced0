namespace ChargerController.Ocpp.Queue;

/// <summary>The retention facts of one queued message.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="TransactionId">The <c>transactionInfo.transactionId</c> of a TransactionEvent, otherwise <see langword="null"/>.</param>
/// <param name="IsDroppable">Whether it may be dropped when the queue runs out of space (E12.FR.04, J02.FR.12).</param>
public readonly record struct OutboundMessageClassification(OutboundMessageKind Kind, string? TransactionId, bool IsDroppable)
{
    /// <summary>Gets the classification of a message the capacity rules never touch.</summary>
    public static OutboundMessageClassification Protected { get; } = new(OutboundMessageKind.Other, null, false);
}
