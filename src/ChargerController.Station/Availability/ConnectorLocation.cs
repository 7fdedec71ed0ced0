namespace ChargerController.Station.Availability;

/// <summary>One connector: EVSE id and connector id (both 1-based, OCPP numbering).</summary>
/// <param name="EvseId">EVSE id.</param>
/// <param name="ConnectorId">Connector id within the EVSE.</param>
public readonly record struct ConnectorLocation(int EvseId, int ConnectorId);
