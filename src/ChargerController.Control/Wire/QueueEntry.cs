namespace ChargerController.Control.Wire;

/// <summary>One queued CALL in <c>queue.list</c> (the payload is not shown: it may hold idTokens).</summary>
/// <param name="Sequence">Position (delivery is strictly in this order).</param>
/// <param name="MessageId">The OCPP message id (kept across restarts).</param>
/// <param name="Action">The action, e.g. <c>TransactionEvent</c>.</param>
/// <param name="Kind">Kind (e.g. TransactionStarted, TransactionUpdated, Other).</param>
/// <param name="TransactionId">The transaction it belongs to, if any.</param>
/// <param name="Transactional">Whether it is transaction-related (a TransactionEvent; a critical security event is kept offline but is not).</param>
/// <param name="FailedAttempts">Attempts that failed so far.</param>
/// <param name="EnqueuedAt">When it was queued.</param>
/// <param name="NotBefore">Earliest next attempt.</param>
/// <param name="PayloadBytes">Size of the payload.</param>
public sealed record QueueEntry(
    long Sequence,
    string MessageId,
    string Action,
    string Kind,
    string? TransactionId,
    bool Transactional,
    int FailedAttempts,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset NotBefore,
    int PayloadBytes);
