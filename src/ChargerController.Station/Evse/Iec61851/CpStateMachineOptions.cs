namespace ChargerController.Station.Evse.Iec61851;

/// <summary>Debounce of the CP state machine (REFERENCE.md §1.2).</summary>
public sealed record CpStateMachineOptions
{
    /// <summary>
    /// How long a new state must be seen before it is accepted, for every transition except B→C/D. The 100 ms limit
    /// for opening on C→B / unplug leaves at most 50 ms for filtering (EVerest bring-up guide); default 20 ms, at most 50 ms.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Debounce for a new energy request (any → C/D). Only delays switching on, which has a 3 s budget (Table A.6 seq. 4),
    /// so it may be longer; SmartEVSE uses 500 ms. Default 100 ms, at most 1 s.
    /// </summary>
    public TimeSpan EnergyRequestDebounce { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Throws when a value is outside its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (Debounce < TimeSpan.Zero || Debounce > TimeSpan.FromMilliseconds(50))
        {
            throw new ArgumentOutOfRangeException(nameof(Debounce), Debounce, "CP debounce must be 0–50 ms (100 ms opening budget).");
        }

        if (EnergyRequestDebounce < TimeSpan.Zero || EnergyRequestDebounce > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(EnergyRequestDebounce), EnergyRequestDebounce, "Energy-request debounce must be 0–1 s.");
        }
    }
}
