namespace ChargerController.Simulator.Csms;

/// <summary>How the <see cref="DevelopmentCsms"/> behaves.</summary>
public sealed record DevelopmentCsmsOptions
{
    /// <summary>Gets the endpoint path the station id is appended to. Default <c>/ocpp</c>.</summary>
    public string Path { get; init; } = "/ocpp";

    /// <summary>Gets the subprotocols supported, most preferred first. Default 2.1 then 2.0.1.</summary>
    public IReadOnlyList<string> Subprotocols { get; init; } = ["ocpp2.1", "ocpp2.0.1"];

    /// <summary>Gets the heartbeat interval given in the BootNotification answer. Default 300 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Gets where the readable OCPP traffic goes (one line per frame), or <see langword="null"/> for none.</summary>
    public TextWriter? Narration { get; init; }

    /// <summary>Gets how much of a payload a narrated line shows. Default 200 characters.</summary>
    public int MaxPayloadChars { get; init; } = 200;

    /// <summary>Gets the limit for reading the HTTP upgrade request of a new connection. Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
