using ChargerController.Ocpp.Queue;

namespace ChargerController.Station.Runtime;

/// <summary>Sends station-initiated CALLs, held back until the CSMS accepted the BootNotification (B02.FR.02, B03.FR.02).</summary>
public interface IStationMessageSender
{
    /// <summary>Sends a CALL once registration is <c>Accepted</c> and a connection is open; waits for the answer.</summary>
    /// <typeparam name="TRequest">Request type.</typeparam>
    /// <typeparam name="TResponse">Response type.</typeparam>
    /// <param name="request">Request.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The CSMS answer.</returns>
    Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken);

    /// <summary>Sends a CALL that B02.FR.02 allows while <c>Pending</c> (answers to TriggerMessage, GetBaseReport, GetReport); still never while <c>Rejected</c>.</summary>
    /// <typeparam name="TRequest">Request type.</typeparam>
    /// <typeparam name="TResponse">Response type.</typeparam>
    /// <param name="request">Request.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The CSMS answer.</returns>
    Task<TResponse> CallRequestedAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken);

    /// <summary>Queues a request in the outbound queue; it is sent in order once registered and connected, and retried per <paramref name="policy"/>.</summary>
    /// <typeparam name="TRequest">Request type.</typeparam>
    /// <param name="request">Request.</param>
    /// <param name="policy">Retry policy.</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>A task completing once queued.</returns>
    Task EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a request under a message id derived from the message (e.g. transaction id and seqNo), so that queuing it
    /// again after a crash is idempotent and a repeat reaches the CSMS as a resend of the same CALL. A sender that does
    /// not support it queues under a fresh id (the default).
    /// </summary>
    /// <typeparam name="TRequest">Request type.</typeparam>
    /// <param name="request">Request.</param>
    /// <param name="policy">Retry policy.</param>
    /// <param name="messageId">The message id (at most 36 characters).</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>A task completing once queued (or found queued already).</returns>
    Task EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, string messageId, CancellationToken cancellationToken) =>
        EnqueueAsync(request, policy, cancellationToken);
}
