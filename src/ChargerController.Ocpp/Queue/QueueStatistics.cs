namespace ChargerController.Ocpp.Queue;

/// <summary>A snapshot of the queue for diagnostics (<c>chargerctl queue stats</c>, support bundles).</summary>
/// <param name="Count">Messages queued.</param>
/// <param name="TransactionalCount">Of those, transaction-related ones (TransactionEvents, by classification; critical security events are kept offline too but not counted here).</param>
/// <param name="AccountedBytes">Space charged against the budget (see <see cref="OutboundQueueBudget.SizeOf"/>).</param>
/// <param name="BudgetBytes">The configured budget, or <see langword="null"/> when unlimited.</param>
/// <param name="OldestEnqueuedAt">When the head was queued, or <see langword="null"/> when empty.</param>
/// <param name="DiscardedAfterAttempts">Messages discarded after their last attempt since the store was created (E13.FR.04).</param>
/// <param name="DroppedForCapacity">Intermediate Updated events thinned for space since the store was created.</param>
/// <param name="DroppedNotQueuedOffline">Non-transactional messages dropped going offline since the store was created.</param>
/// <param name="RefusedForCapacity">Non-transactional enqueues refused because only protected messages filled the budget.</param>
public sealed record QueueStatistics(
    int Count,
    int TransactionalCount,
    long AccountedBytes,
    long? BudgetBytes,
    DateTimeOffset? OldestEnqueuedAt,
    long DiscardedAfterAttempts,
    long DroppedForCapacity,
    long DroppedNotQueuedOffline,
    long RefusedForCapacity);
