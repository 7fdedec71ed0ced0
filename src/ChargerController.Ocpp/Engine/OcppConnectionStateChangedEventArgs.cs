namespace ChargerController.Ocpp.Engine;

/// <summary>The connection came up or went down.</summary>
public sealed class OcppConnectionStateChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="OcppConnectionStateChangedEventArgs"/> class.</summary>
    /// <param name="isConnected">Whether a connection is now open.</param>
    /// <param name="version">The negotiated version when connected.</param>
    /// <param name="reason">Why the connection closed, when it did.</param>
    public OcppConnectionStateChangedEventArgs(bool isConnected, OcppVersion? version, string? reason)
    {
        IsConnected = isConnected;
        Version = version;
        Reason = reason;
    }

    /// <summary>Gets a value indicating whether a connection is now open.</summary>
    public bool IsConnected { get; }

    /// <summary>Gets the negotiated version when connected.</summary>
    public OcppVersion? Version { get; }

    /// <summary>Gets why the connection closed (never contains credentials).</summary>
    public string? Reason { get; }
}
