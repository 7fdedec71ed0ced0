namespace ChargerController.Station.Reservations;

/// <summary>What the reservation rules need to know about an EVSE (its connectors folded together, no reservation overlay).</summary>
public enum EvseState
{
    /// <summary>Free: every connector Available and no transaction running.</summary>
    Available,

    /// <summary>A cable is plugged in or a transaction runs.</summary>
    Occupied,

    /// <summary>A connector is Faulted.</summary>
    Faulted,

    /// <summary>Inoperative (ChangeAvailability) or otherwise unusable.</summary>
    Unavailable,
}
