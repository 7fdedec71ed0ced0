namespace ChargerController.Control.Wire;

/// <summary>The answer to <c>status</c>: what a technician needs at a glance. Field names are a stable interface (<c>chargerctl status --json</c>).</summary>
/// <param name="Connected">Whether the OCPP WebSocket to the CSMS is open.</param>
/// <param name="Subprotocol">Negotiated subprotocol (<c>ocpp2.1</c>/<c>ocpp2.0.1</c>), null when offline.</param>
/// <param name="BootStatus">Last BootNotification status: <c>Accepted</c>, <c>Pending</c>, <c>Rejected</c> or <c>None</c>.</param>
/// <param name="QueueDepth">Messages waiting in the outbound queue.</param>
/// <param name="Evses">One entry per EVSE, ordered by id.</param>
/// <param name="Simulated">Whether chargerd runs with simulated hardware.</param>
/// <param name="Version">chargerd version.</param>
/// <param name="DisplayMessage">The CSMS message on the display now (OCPP block O), null when none; added later, so optional.</param>
public sealed record StationStatus(
    bool Connected,
    string? Subprotocol,
    string BootStatus,
    int QueueDepth,
    IReadOnlyList<EvseStatus> Evses,
    bool Simulated,
    string Version,
    DisplayMessageStatus? DisplayMessage = null);
