namespace ChargerController.Ocpp.Queue;

/// <summary>
/// The ordered store of CALLs waiting for delivery (house rule 14). The in-memory queue serves tests and volatile
/// setups; the SQLite one in ChargerController.Storage keeps messages and their ids across reboots.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the name fixed by the design (conventions 2, Ocpp/Queue).")]
public interface IOutboundQueue
{
    /// <summary>Appends a message; the id is assigned here and never changes afterwards.</summary>
    /// <param name="action">Action.</param>
    /// <param name="payloadJson">Payload object as UTF-8 JSON.</param>
    /// <param name="policy">Retry and offline policy.</param>
    /// <param name="messageId">The id to store (from the connection's id generator).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored message.</returns>
    /// <exception cref="InvalidOperationException">The id is already queued.</exception>
    /// <exception cref="OutboundQueueFullException">
    /// A non-transactional message would exceed the disk budget and only protected messages are left to drop.
    /// </exception>
    ValueTask<OutboundMessage> EnqueueAsync(string action, ReadOnlyMemory<byte> payloadJson, QueuePolicy policy, string messageId, CancellationToken cancellationToken);

    /// <summary>Returns the oldest message (delivery is strictly in order), or <see langword="null"/> when empty.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The head of the queue.</returns>
    ValueTask<OutboundMessage?> PeekAsync(CancellationToken cancellationToken);

    /// <summary>Removes a message (delivered, or given up on).</summary>
    /// <param name="messageId">Its id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was present.</returns>
    ValueTask<bool> RemoveAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and the earliest time of the next one.</summary>
    /// <param name="messageId">Its id.</param>
    /// <param name="notBefore">Earliest next attempt.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated message, or <see langword="null"/> when it is no longer queued.</returns>
    ValueTask<OutboundMessage?> RecordFailedAttemptAsync(string messageId, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Drops every non-transactional message (going offline with <c>QueueAllMessages</c> false).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were dropped.</returns>
    ValueTask<int> DropNonTransactionalAsync(CancellationToken cancellationToken);

    /// <summary>Lists the queue in delivery order (for diagnostics, e.g. <c>chargerctl queue list</c>).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A snapshot.</returns>
    ValueTask<IReadOnlyList<OutboundMessage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Waits until something is enqueued after this call (or returns at once if already signalled).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task completing on the next enqueue.</returns>
    Task WaitForEnqueueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes a message the CSMS did not accept (e.g. after its last attempt, E13.FR.04) and records why in the
    /// queue's counters and discard log, so lost data is accounted for rather than silently gone.
    /// </summary>
    /// <param name="messageId">Its id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was present.</returns>
    ValueTask<bool> DiscardAsync(string messageId, OutboundDiscardReason reason, CancellationToken cancellationToken);

    /// <summary>Counts what is queued and what was dropped (for <c>chargerctl queue stats</c>).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A snapshot.</returns>
    ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
