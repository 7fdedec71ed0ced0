namespace ChargerController.Ocpp.Transport;

/// <summary>
/// Moves OCPP-J text frames; knows nothing of their content. A transport may reconnect by itself and reports every
/// connection change as an event, in order, on the same stream as the received frames.
/// </summary>
public interface IOcppTransport : IAsyncDisposable
{
    /// <summary>Gets a value indicating whether a connection is open right now.</summary>
    bool IsConnected { get; }

    /// <summary>Begins connecting (and, for reconnecting transports, keeps doing so until stopped).</summary>
    /// <param name="cancellationToken">Cancels the start itself, not the running transport.</param>
    /// <returns>A task completing once started (not once connected).</returns>
    ValueTask StartAsync(CancellationToken cancellationToken);

    /// <summary>Waits for the next event. After <see cref="TransportEventKind.Stopped"/> it keeps returning Stopped.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The next event.</returns>
    ValueTask<TransportEvent> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends one complete text frame. Sends are serialised internally; safe to call concurrently.</summary>
    /// <param name="utf8Frame">The frame as UTF-8 JSON.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task completing when the frame was handed to the network.</returns>
    /// <exception cref="OcppConnectionLostException">No connection is open or it broke during the send.</exception>
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken);

    /// <summary>Closes the connection and stops reconnecting; then reports <see cref="TransportEventKind.Stopped"/>.</summary>
    /// <param name="cancellationToken">Cancels a graceful close (the connection is then aborted).</param>
    /// <returns>A task completing when stopped.</returns>
    ValueTask StopAsync(CancellationToken cancellationToken);
}
