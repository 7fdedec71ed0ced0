namespace ChargerController.Ocpp.Transport;

/// <summary>
/// Two connected in-memory transports for tests: what one end sends, the other receives, in order, with the same
/// connect/disconnect events and size limit a WebSocket transport reports.
/// </summary>
public sealed class InMemoryTransportPair
{
    private volatile bool _connected;

    /// <summary>Initializes a new instance of the <see cref="InMemoryTransportPair"/> class.</summary>
    /// <param name="maxFrameBytes">Frames larger than this arrive as <see cref="TransportEventKind.OversizedFrame"/>.</param>
    public InMemoryTransportPair(int maxFrameBytes = 65536)
    {
        MaxFrameBytes = maxFrameBytes;
        Station = new InMemoryTransport(this);
        Csms = new InMemoryTransport(this);
        Station.Peer = Csms;
        Csms.Peer = Station;
    }

    /// <summary>Gets the station end.</summary>
    public InMemoryTransport Station { get; }

    /// <summary>Gets the CSMS end.</summary>
    public InMemoryTransport Csms { get; }

    /// <summary>Gets the frame size limit in bytes.</summary>
    public int MaxFrameBytes { get; }

    /// <summary>Gets a value indicating whether the link is up.</summary>
    public bool IsConnected => _connected;

    /// <summary>Opens the link: both ends report <see cref="TransportEventKind.Connected"/> with <paramref name="version"/>.</summary>
    /// <param name="version">The version as if negotiated.</param>
    public void Connect(OcppVersion version)
    {
        _connected = true;
        Station.Post(TransportEvent.Connected(version));
        Csms.Post(TransportEvent.Connected(version));
    }

    /// <summary>Breaks the link: both ends report <see cref="TransportEventKind.Disconnected"/>.</summary>
    /// <param name="reason">The reason reported.</param>
    public void Disconnect(string reason = "link dropped")
    {
        _connected = false;
        Station.Post(TransportEvent.Disconnected(reason));
        Csms.Post(TransportEvent.Disconnected(reason));
    }
}
