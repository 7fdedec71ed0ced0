namespace ChargerController.Station.Control;

/// <summary>The OCPP connection as <c>chargerctl status</c> shows it.</summary>
/// <param name="Connected">Whether the WebSocket to the CSMS is open.</param>
/// <param name="Subprotocol">Negotiated subprotocol (<c>ocpp2.1</c>, <c>ocpp2.0.1</c>), <see langword="null"/> when offline.</param>
/// <param name="BootStatus">Last BootNotification status (<c>Accepted</c>, <c>Pending</c>, <c>Rejected</c>) or <c>None</c>.</param>
/// <param name="QueueDepth">Messages waiting in the outbound queue.</param>
public sealed record OcppStatus(bool Connected, string? Subprotocol, string BootStatus, int QueueDepth)
{
    /// <summary>No CSMS connection, nothing booted, nothing queued.</summary>
    public static OcppStatus Offline { get; } = new(false, null, "None", 0);
}
