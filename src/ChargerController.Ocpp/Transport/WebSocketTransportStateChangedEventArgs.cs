namespace ChargerController.Ocpp.Transport;

/// <summary>A state change of the connection manager.</summary>
public sealed class WebSocketTransportStateChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="WebSocketTransportStateChangedEventArgs"/> class.</summary>
    /// <param name="state">The new state.</param>
    /// <param name="retryDelay">For <see cref="WebSocketTransportState.WaitingToReconnect"/>: the back-off being waited out.</param>
    /// <param name="reason">Why the last attempt or connection ended (no credentials), when known.</param>
    public WebSocketTransportStateChangedEventArgs(WebSocketTransportState state, TimeSpan? retryDelay, string? reason)
    {
        State = state;
        RetryDelay = retryDelay;
        Reason = reason;
    }

    /// <summary>Gets the new state.</summary>
    public WebSocketTransportState State { get; }

    /// <summary>Gets the back-off being waited out, for <see cref="WebSocketTransportState.WaitingToReconnect"/>.</summary>
    public TimeSpan? RetryDelay { get; }

    /// <summary>Gets why the last attempt or connection ended, when known.</summary>
    public string? Reason { get; }
}
