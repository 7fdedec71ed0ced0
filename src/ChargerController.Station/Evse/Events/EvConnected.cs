namespace ChargerController.Station.Evse.Events;

/// <summary>An EV was plugged in (debounced CP left A for B, C or D): OCPP TriggerReason CablePluggedIn.</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
public sealed record EvConnected(int EvseId, DateTimeOffset Timestamp) : EvseEvent(EvseId, Timestamp);
