using ChargerController.Ocpp.Queue;

namespace ChargerController.Storage.Queue;

/// <summary>One entry of the discard log: a message that left the queue without the CSMS accepting it.</summary>
/// <param name="DiscardedAt">When.</param>
/// <param name="Reason">Why.</param>
/// <param name="MessageId">Its message id.</param>
/// <param name="Action">Its action.</param>
/// <param name="Kind">What it was.</param>
/// <param name="TransactionId">Its transaction, if any.</param>
/// <param name="FailedAttempts">Failed attempts when it was discarded.</param>
/// <param name="EnqueuedAt">When it was queued.</param>
/// <param name="PayloadJson">Its payload, kept unless it was thinned for space.</param>
public sealed record OutboundDiscardRecord(
    DateTimeOffset DiscardedAt,
    OutboundDiscardReason Reason,
    string MessageId,
    string Action,
    OutboundMessageKind Kind,
    string? TransactionId,
    int FailedAttempts,
    DateTimeOffset EnqueuedAt,
    ReadOnlyMemory<byte>? PayloadJson);
