namespace ChargerController.Ocpp.Dispatch;

/// <summary>
/// Answers one kind of CALL. Decide and return quickly: the receive loop waits for nothing, but the peer waits for
/// the answer, and side effects that must follow the answer belong in <see cref="IOcppAfterResponse{TRequest,TResponse}"/>.
/// </summary>
/// <typeparam name="TRequest">The request type; its name minus the <c>Request</c> suffix is the action.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
public interface IOcppRequestHandler<in TRequest, TResponse>
{
    /// <summary>Handles the request. Throw <see cref="Rpc.OcppCallErrorException"/> to answer with a specific CALLERROR.</summary>
    /// <param name="request">The deserialised (and, when a validator is wired, schema-valid) request.</param>
    /// <param name="context">Message id, action and negotiated version.</param>
    /// <param name="cancellationToken">Cancelled when the connection is shutting down.</param>
    /// <returns>The response to send as CALLRESULT.</returns>
    ValueTask<TResponse> HandleAsync(TRequest request, OcppRequestContext context, CancellationToken cancellationToken);
}
