namespace ChargerController.Simulator.Ev;

/// <summary>How a simulated EV behaves electrically.</summary>
public sealed record SimulatedEvOptions
{
    /// <summary>Most current the EV's on-board charger draws per phase, amperes.</summary>
    public double MaxCurrentA { get; init; } = 32.0;

    /// <summary>Phases the on-board charger uses (1 = L1 only, 3 = L1–L3).</summary>
    public int Phases { get; init; } = 3;

    /// <summary>
    /// Time the EV takes to follow a change of the PWM (new current limit, pause, resume). IEC 61851-1 gives an EV up
    /// to 5 s; EVerest's simulator answers faster. Zero means it follows at once.
    /// </summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Current rating coded by the cable's PP resistor (13, 20, 32 or 63 A).</summary>
    public double CableRatingA { get; init; } = 32.0;
}
