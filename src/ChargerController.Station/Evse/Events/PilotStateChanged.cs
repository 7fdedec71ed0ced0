using ChargerController.Station.Evse.Iec61851;

namespace ChargerController.Station.Evse.Events;

/// <summary>The debounced pilot state (with its X1/X2 sub-state) changed.</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Previous">The state before.</param>
/// <param name="State">The new state.</param>
public sealed record PilotStateChanged(int EvseId, DateTimeOffset Timestamp, PilotState Previous, PilotState State) : EvseEvent(EvseId, Timestamp);
