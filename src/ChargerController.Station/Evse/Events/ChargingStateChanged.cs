namespace ChargerController.Station.Evse.Events;

/// <summary>The charging state changed (OCPP TransactionEvent Updated, TriggerReason ChargingStateChanged).</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
/// <param name="State">The new state.</param>
public sealed record ChargingStateChanged(int EvseId, DateTimeOffset Timestamp, EvseChargingState State) : EvseEvent(EvseId, Timestamp);
