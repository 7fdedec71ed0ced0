namespace ChargerController.Station.Runtime;

/// <summary>
/// Sends OCPP 2.1 SEND messages (message type 6, Part 4 §4.2.4): unconfirmed, never queued behind a pending CALL
/// (N15.FR.01). Only possible while connected with OCPP 2.1 and registered; callers fall back to a CALL otherwise.
/// </summary>
public interface IStationUnconfirmedSender
{
    /// <summary>Gets a value indicating whether a SEND can go out now (connected, OCPP 2.1, registration Accepted).</summary>
    bool CanSendUnconfirmed { get; }

    /// <summary>Sends one SEND message.</summary>
    /// <typeparam name="TMessage">The message type; its name is the action (e.g. <c>NotifyPeriodicEventStream</c>).</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task completing once written to the transport.</returns>
    /// <exception cref="InvalidOperationException">Not connected, not registered or not OCPP 2.1.</exception>
    Task SendUnconfirmedAsync<TMessage>(TMessage message, CancellationToken cancellationToken);
}
