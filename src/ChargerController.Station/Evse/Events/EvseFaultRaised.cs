using ChargerController.Station.Safety;

namespace ChargerController.Station.Evse.Events;

/// <summary>A fault was raised: the EVSE is in the safe state. The OCPP side reports Faulted and NotifyEvent (SecurityEvent where security-relevant).</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Fault">The fault, with its kind and reason.</param>
public sealed record EvseFaultRaised(int EvseId, DateTimeOffset Timestamp, Fault Fault) : EvseEvent(EvseId, Timestamp);
