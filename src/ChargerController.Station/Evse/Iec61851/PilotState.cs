namespace ChargerController.Station.Evse.Iec61851;

/// <summary>
/// Debounced pilot state with the IEC 61851-1 sub-state: suffix 1 = no PWM (steady, "X1"), suffix 2 = PWM running ("X2").
/// </summary>
public enum PilotState
{
    /// <summary>Nothing reliable known yet (start-up), or CP out of every window for longer than the debounce.</summary>
    Unknown = 0,

    /// <summary>No EV.</summary>
    A,

    /// <summary>EV connected, no energy offered.</summary>
    B1,

    /// <summary>EV connected, energy offered (PWM).</summary>
    B2,

    /// <summary>EV requests energy, none offered: never energised.</summary>
    C1,

    /// <summary>EV requests energy, energy offered: charging allowed.</summary>
    C2,

    /// <summary>EV requests energy with ventilation, none offered.</summary>
    D1,

    /// <summary>EV requests energy with ventilation, energy offered.</summary>
    D2,

    /// <summary>CP at 0 V: short to PE or no power.</summary>
    E,

    /// <summary>CP at −12 V: EVSE not available.</summary>
    F,
}
