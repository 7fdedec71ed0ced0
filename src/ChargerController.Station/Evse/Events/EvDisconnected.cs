namespace ChargerController.Station.Evse.Events;

/// <summary>The EV was unplugged (debounced CP back in A): OCPP TriggerReason EVCommunicationLost / StoppedReason EVDisconnected. The session authorization ends with it.</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
public sealed record EvDisconnected(int EvseId, DateTimeOffset Timestamp) : EvseEvent(EvseId, Timestamp);
