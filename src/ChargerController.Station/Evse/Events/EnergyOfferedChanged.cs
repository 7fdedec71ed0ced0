namespace ChargerController.Station.Evse.Events;

/// <summary>The current offered on the pilot changed (PWM started, changed or stopped).</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
/// <param name="CurrentA">The current the duty announces per IEC 61851-1, amperes per phase; 0 when no PWM runs.</param>
/// <param name="DutyCyclePercent">The PWM duty, percent; 100 for steady +12 V, 0 for state F.</param>
public sealed record EnergyOfferedChanged(int EvseId, DateTimeOffset Timestamp, double CurrentA, double DutyCyclePercent) : EvseEvent(EvseId, Timestamp);
