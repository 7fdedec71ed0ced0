using ChargerController.Ocpp.Queue;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Security;

/// <summary>
/// A sender whose "requested" calls also wait for an accepted registration and an open connection: the station's own
/// renewal is not an answer to a TriggerMessage, so it may not go out while Pending (B02.FR.02) or offline.
/// </summary>
internal sealed class WhenAccepted(IStationMessageSender inner) : IStationMessageSender
{
    public Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken) =>
        inner.CallAsync<TRequest, TResponse>(request, cancellationToken);

    public Task<TResponse> CallRequestedAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken) =>
        inner.CallAsync<TRequest, TResponse>(request, cancellationToken);

    public Task EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(request, policy, cancellationToken);

    public Task EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, string messageId, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(request, policy, messageId, cancellationToken);
}
