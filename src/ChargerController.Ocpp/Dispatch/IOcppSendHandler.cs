namespace ChargerController.Ocpp.Dispatch;

/// <summary>Consumes one kind of SEND message (Part 4 §4.2.4); there is never an answer.</summary>
/// <typeparam name="TMessage">The message type; its name is the action (e.g. <c>NotifyPeriodicEventStream</c>).</typeparam>
public interface IOcppSendHandler<in TMessage>
{
    /// <summary>Consumes the message.</summary>
    /// <param name="message">The deserialised message.</param>
    /// <param name="context">Message id, action and negotiated version.</param>
    /// <param name="cancellationToken">Cancelled when the connection is shutting down.</param>
    /// <returns>A task; exceptions are logged.</returns>
    ValueTask HandleAsync(TMessage message, OcppRequestContext context, CancellationToken cancellationToken);
}
