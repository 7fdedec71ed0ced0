namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>What the proximity-pilot resistor says about the plug in a Type 2 socket.</summary>
public enum ProximityStatus
{
    /// <summary>PP is open (above 4.5 kΩ): no plug in the socket. With an EV seen on CP this means PP was lost.</summary>
    NoCable,

    /// <summary>A cable with a coded rating is inserted.</summary>
    Cable,

    /// <summary>PP is shorted (below 60 Ω) or could not be measured: report no ampacity.</summary>
    Fault,
}
