namespace ChargerController.Control.Wire;

/// <summary>The answer to <c>queue.stats</c>: what waits for the CSMS and what was lost.</summary>
/// <param name="Count">Messages queued.</param>
/// <param name="TransactionalCount">Of those, transaction-related (never dropped for space).</param>
/// <param name="Bytes">Space charged against the budget.</param>
/// <param name="BudgetBytes">The budget, or null when unlimited.</param>
/// <param name="OldestEnqueuedAt">When the head was queued, or null when empty.</param>
/// <param name="DiscardedAfterAttempts">Messages discarded after their last attempt (E13.FR.04), since the database was created.</param>
/// <param name="DroppedForCapacity">Intermediate TransactionEvent Updated messages thinned for space.</param>
/// <param name="DroppedNotQueuedOffline">Non-transactional messages dropped going offline.</param>
/// <param name="RefusedForCapacity">Non-transactional messages refused because the budget was full of protected ones.</param>
public sealed record QueueStats(
    int Count,
    int TransactionalCount,
    long Bytes,
    long? BudgetBytes,
    DateTimeOffset? OldestEnqueuedAt,
    long DiscardedAfterAttempts,
    long DroppedForCapacity,
    long DroppedNotQueuedOffline,
    long RefusedForCapacity);
