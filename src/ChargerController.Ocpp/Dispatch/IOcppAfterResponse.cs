namespace ChargerController.Ocpp.Dispatch;

/// <summary>
/// House rule 13, respond-then-act: runs after the CALLRESULT has been handed to the network, e.g. the reboot after a
/// Reset <c>Accepted</c> or the unlock after UnlockConnector. Implement it on the same class as the handler.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
public interface IOcppAfterResponse<in TRequest, in TResponse>
{
    /// <summary>Acts on a request that has been answered. Not run when the response could not be sent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The response that was sent.</param>
    /// <param name="context">Message id, action and negotiated version.</param>
    /// <param name="cancellationToken">Cancelled when the connection is shutting down.</param>
    /// <returns>A task; exceptions are logged, never sent to the peer.</returns>
    ValueTask AfterResponseAsync(TRequest request, TResponse response, OcppRequestContext context, CancellationToken cancellationToken);
}
