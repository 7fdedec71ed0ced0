namespace ChargerController.Station.Evse.Events;

/// <summary>Something the EVSE loop reports to the station (sessions, OCPP status, NotifyEvent). Raised on the loop's thread, in order.</summary>
/// <param name="EvseId">The OCPP evseId.</param>
/// <param name="Timestamp">When it happened (station clock).</param>
public abstract record EvseEvent(int EvseId, DateTimeOffset Timestamp);
