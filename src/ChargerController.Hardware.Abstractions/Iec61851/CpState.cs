namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>
/// Raw control-pilot state per IEC 61851-1 Annex A, classified from one pair of plateau voltages.
/// This is not debounced: the EVSE loop filters it before acting on it.
/// </summary>
/// <remarks>
/// <see cref="Invalid"/> is the default value on purpose, so an uninitialised state never reads as "no EV" (A).
/// </remarks>
public enum CpState
{
    /// <summary>The high plateau lies outside every window (or in a gap not adjacent to the previous state): treat like E.</summary>
    Invalid = 0,

    /// <summary>State A: no EV connected (+12 V).</summary>
    A,

    /// <summary>State B: EV connected, not requesting energy (+9 V).</summary>
    B,

    /// <summary>State C: EV requests energy, no ventilation needed (+6 V).</summary>
    C,

    /// <summary>State D: EV requests energy with ventilation (+3 V).</summary>
    D,

    /// <summary>State E: CP shorted to PE or EVSE without power (0 V).</summary>
    E,

    /// <summary>State F: −12 V, EVSE not available (normally driven by the EVSE itself).</summary>
    F,
}
