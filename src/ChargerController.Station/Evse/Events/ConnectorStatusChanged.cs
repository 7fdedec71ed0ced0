namespace ChargerController.Station.Evse.Events;

/// <summary>The connector status changed (OCPP StatusNotification).</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Status">The new status.</param>
public sealed record ConnectorStatusChanged(int EvseId, DateTimeOffset Timestamp, ConnectorStatus Status) : EvseEvent(EvseId, Timestamp);
