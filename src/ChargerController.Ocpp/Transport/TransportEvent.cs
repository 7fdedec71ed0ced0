namespace ChargerController.Ocpp.Transport;

/// <summary>One event from an <see cref="IOcppTransport"/>: connection up/down or a received text frame.</summary>
public readonly struct TransportEvent : IEquatable<TransportEvent>
{
    private TransportEvent(TransportEventKind kind, ReadOnlyMemory<byte> data, OcppVersion version, string? reason)
    {
        Kind = kind;
        Data = data;
        Version = version;
        Reason = reason;
    }

    /// <summary>Gets what happened.</summary>
    public TransportEventKind Kind { get; }

    /// <summary>Gets the frame bytes (UTF-8 expected, not yet validated) for frame events; owned by the receiver.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Gets the negotiated version for <see cref="TransportEventKind.Connected"/>.</summary>
    public OcppVersion Version { get; }

    /// <summary>Gets a human-readable reason for <see cref="TransportEventKind.Disconnected"/> (never contains credentials).</summary>
    public string? Reason { get; }

    /// <summary>Creates a connected event.</summary>
    /// <param name="version">The negotiated version.</param>
    /// <returns>The event.</returns>
    public static TransportEvent Connected(OcppVersion version) => new(TransportEventKind.Connected, default, version, null);

    /// <summary>Creates a frame event.</summary>
    /// <param name="data">The complete frame.</param>
    /// <returns>The event.</returns>
    public static TransportEvent Frame(ReadOnlyMemory<byte> data) => new(TransportEventKind.Frame, data, default, null);

    /// <summary>Creates an oversized-frame event.</summary>
    /// <param name="prefix">The first bytes of the discarded frame.</param>
    /// <returns>The event.</returns>
    public static TransportEvent Oversized(ReadOnlyMemory<byte> prefix) => new(TransportEventKind.OversizedFrame, prefix, default, null);

    /// <summary>Creates a disconnected event.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The event.</returns>
    public static TransportEvent Disconnected(string reason) => new(TransportEventKind.Disconnected, default, default, reason);

    /// <summary>Creates the final stopped event.</summary>
    /// <returns>The event.</returns>
    public static TransportEvent Stopped() => new(TransportEventKind.Stopped, default, default, null);

    /// <summary>Equality of kind, version, reason and frame content.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(TransportEvent left, TransportEvent right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(TransportEvent left, TransportEvent right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(TransportEvent other) =>
        Kind == other.Kind && Version == other.Version && Reason == other.Reason && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TransportEvent other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Version, Reason, Data.Length);
}
