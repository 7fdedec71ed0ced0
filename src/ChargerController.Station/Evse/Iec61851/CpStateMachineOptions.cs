namespace ChargerController.Station.Evse.Iec61851;

/// <summary>Debounce of the CP state machine (REFERENCE.md §1.2).</summary>
public sealed record CpStateMachineOptions
{
    /// <summary>
    /// How long a new state must be seen before the debounced state (events, OCPP status) accepts it, for every transition
    /// except into C/D. The 100 ms limit for opening on C→B / unplug leaves at most 50 ms for filtering (EVerest bring-up
    /// guide); default 20 ms, at most 50 ms. Opening the power path does not wait for it: see <see cref="ConfirmWithdrawal"/>.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Debounce for a new energy request (any → C/D), and the time the raw samples must have requested energy without a
    /// break before the contactor may close (also after a glitch opened it). Only delays switching on, which has a 3 s
    /// budget (Table A.6 seq. 4), so it may be longer; SmartEVSE uses 500 ms. Default 100 ms, at most 1 s.
    /// </summary>
    public TimeSpan EnergyRequestDebounce { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether a sample that withdraws the energy request (CP left C/D, or the diode check failed) must be confirmed by a
    /// second sample before the power path opens. The loop takes that second sample at once, in the same step, so the
    /// cost is one evaluation window, not one loop period. Default <see langword="true"/>: a burst sampler takes the
    /// maximum of its window as the high plateau (REFERENCE.md §1.7 strategy 1), so a single spike can lift 6 V (C) into
    /// the B window, and the EVerest guide asks to drop such outliers (§1.2); one more window stays far inside the 50 ms
    /// filtering budget of §1.5. <see langword="false"/> opens on the first such sample.
    /// </summary>
    public bool ConfirmWithdrawal { get; init; } = true;

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
