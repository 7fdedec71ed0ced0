namespace ChargerController.Station.Transactions;

/// <summary>The TxStartPoint / TxStopPoint values (E01.FR.01-06, E06.FR.01-07), as flags because both are lists.</summary>
[Flags]
public enum TxPoint
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>EV detected in the parking bay. Without a bay sensor the plugged cable is the first detection.</summary>
    ParkingBayOccupancy = 1,

    /// <summary>EV connected.</summary>
    EVConnected = 2,

    /// <summary>Driver authorized.</summary>
    Authorized = 4,

    /// <summary>Signed meter data obtained. This station has no signing meter, so it coincides with PowerPathClosed.</summary>
    DataSigned = 8,

    /// <summary>Authorized and connected.</summary>
    PowerPathClosed = 16,

    /// <summary>Energy flows.</summary>
    EnergyTransfer = 32,
}
