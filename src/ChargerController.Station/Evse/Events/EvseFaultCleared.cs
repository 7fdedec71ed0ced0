using ChargerController.Station.Safety;

namespace ChargerController.Station.Evse.Events;

/// <summary>A fault was cleared by its rule (<see cref="FaultClearRule"/>).</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Fault">The fault that cleared.</param>
public sealed record EvseFaultCleared(int EvseId, DateTimeOffset Timestamp, Fault Fault) : EvseEvent(EvseId, Timestamp);
