namespace ChargerController.Ocpp.Transport;

/// <summary>Where the connection manager of a <see cref="WebSocketOcppTransport"/> is.</summary>
public enum WebSocketTransportState
{
    /// <summary>Not started.</summary>
    Idle,

    /// <summary>An attempt (TCP, TLS, WebSocket handshake) is running.</summary>
    Connecting,

    /// <summary>Open.</summary>
    Connected,

    /// <summary>Waiting out the back-off before the next attempt (Part 4 §5.4).</summary>
    WaitingToReconnect,

    /// <summary>Stopped for good.</summary>
    Stopped,
}
