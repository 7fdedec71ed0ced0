namespace ChargerController.Station.Safety;

/// <summary>What the control pilot may still drive while a fault is active (REFERENCE.md §6.4, column "CP").</summary>
public enum CpSafeSignal
{
    /// <summary>The fault does not restrict the pilot: PWM may keep running (e.g. state D without ventilation: the EV must see the offer to leave D).</summary>
    KeepPwm = 0,

    /// <summary>Steady +12 V (X1): no energy offered, EV still visible on CP.</summary>
    SteadyHigh,

    /// <summary>Steady −12 V (state F): EVSE not available.</summary>
    StateF,
}
