namespace ChargerController.Station.Runtime;

/// <summary>What the station's OCPP link looks like right now (for <c>chargerctl status</c> and health checks).</summary>
public interface IOcppStatusSource
{
    /// <summary>Gets a value indicating whether the WebSocket is open.</summary>
    bool IsConnected { get; }

    /// <summary>Gets the negotiated subprotocol (<c>ocpp2.1</c>/<c>ocpp2.0.1</c>), or null when never connected.</summary>
    string? Subprotocol { get; }

    /// <summary>Gets the boot (registration) state.</summary>
    RegistrationState Registration { get; }

    /// <summary>Gets the CSMS time of the last BootNotification/Heartbeat answer, if any.</summary>
    DateTimeOffset? LastCsmsTime { get; }
}
