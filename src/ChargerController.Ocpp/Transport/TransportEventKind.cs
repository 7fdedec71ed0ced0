namespace ChargerController.Ocpp.Transport;

/// <summary>What a <see cref="TransportEvent"/> reports.</summary>
public enum TransportEventKind
{
    /// <summary>A connection is open; <see cref="TransportEvent.Version"/> is the negotiated OCPP version.</summary>
    Connected,

    /// <summary>A complete text frame arrived; <see cref="TransportEvent.Data"/> holds its bytes.</summary>
    Frame,

    /// <summary>A frame exceeded the size limit and was discarded; <see cref="TransportEvent.Data"/> holds its first bytes only.</summary>
    OversizedFrame,

    /// <summary>The connection closed; a reconnecting transport will report <see cref="Connected"/> again later.</summary>
    Disconnected,

    /// <summary>The transport was stopped: no further events.</summary>
    Stopped,
}
