namespace ChargerController.Station.Evse;

/// <summary>Connector status as OCPP 2.x ConnectorStatusEnumType names it (StatusNotification); Reserved is decided by the OCPP side.</summary>
public enum ConnectorStatus
{
    /// <summary>No EV, ready for a session.</summary>
    Available = 0,

    /// <summary>An EV is connected (CP B, C or D).</summary>
    Occupied,

    /// <summary>Set Unavailable (ChangeAvailability) and no fault.</summary>
    Unavailable,

    /// <summary>At least one fault is active.</summary>
    Faulted,
}
