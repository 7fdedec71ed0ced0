namespace ChargerController.Station.Safety;

/// <summary>The fault-reaction table of REFERENCE.md §6.4 as data: one row per <see cref="FaultKind"/>.</summary>
public static class FaultCatalog
{
    /// <summary>Number of fault kinds (for per-kind arrays).</summary>
    public const int Count = (int)FaultKind.ControllerFailure + 1;

    /// <summary>The reaction to a fault kind.</summary>
    /// <param name="kind">The fault.</param>
    /// <returns>Its reaction.</returns>
    public static FaultReaction ReactionTo(FaultKind kind) => kind switch
    {
        // Cleared on unplug, as EVerest's simulator does; F first so a charging EV sees the abort, then X1 (not F) so the
        // unplug that clears it stays visible on CP.
        FaultKind.DiodeFailure => new(CpSafeSignal.SteadyHigh, FaultClearRule.OnUnplug, StateFFirst: true),

        // EVerest reacts to E with X1 and resumes when CP is valid again.
        FaultKind.CpShortCircuit => new(CpSafeSignal.SteadyHigh, FaultClearRule.WhenConditionGone, StateFFirst: false),
        FaultKind.CpOutOfRange => new(CpSafeSignal.SteadyHigh, FaultClearRule.WhenConditionGone, StateFFirst: false),
        FaultKind.UnexpectedStateF => new(CpSafeSignal.SteadyHigh, FaultClearRule.WhenConditionGone, StateFFirst: false),

        // The EV leaves D only if it still sees the offer, so PWM keeps running; the contactor stays open.
        FaultKind.VentilationNotAvailable => new(CpSafeSignal.KeepPwm, FaultClearRule.WhenConditionGone, StateFFirst: false),
        FaultKind.PilotFailure => new(CpSafeSignal.StateF, FaultClearRule.WhenConditionGone, StateFFirst: false),

        // A welded contact keeps the outlet live: F and refuse sessions until serviced.
        FaultKind.ContactorWelded => new(CpSafeSignal.StateF, FaultClearRule.ServiceReset, StateFFirst: true),
        FaultKind.ContactorDidNotClose => new(CpSafeSignal.SteadyHigh, FaultClearRule.OnUnplug, StateFFirst: true),
        FaultKind.ContactorPortFailure => new(CpSafeSignal.StateF, FaultClearRule.ServiceReset, StateFFirst: true),

        // Tinkerforge latches DC-fault errors until the user resets; F ≥ 300 ms then X1 as EVerest.
        FaultKind.RcdTripped => new(CpSafeSignal.SteadyHigh, FaultClearRule.ResetAndSelfTest, StateFFirst: true),
        FaultKind.RcdSelfTestFailed => new(CpSafeSignal.StateF, FaultClearRule.ResetAndSelfTest, StateFFirst: true),

        FaultKind.MeterFailure => new(CpSafeSignal.SteadyHigh, FaultClearRule.WhenConditionGone, StateFFirst: true),
        FaultKind.Overcurrent => new(CpSafeSignal.SteadyHigh, FaultClearRule.OnUnplug, StateFFirst: true),
        FaultKind.ConnectorLockFailure => new(CpSafeSignal.SteadyHigh, FaultClearRule.OnUnplug, StateFFirst: true),
        FaultKind.ProximityPilotInvalid => new(CpSafeSignal.SteadyHigh, FaultClearRule.OnUnplug, StateFFirst: true),
        FaultKind.LoopStalled => new(CpSafeSignal.StateF, FaultClearRule.WhenConditionGone, StateFFirst: true),
        FaultKind.ControllerFailure => new(CpSafeSignal.StateF, FaultClearRule.WhenConditionGone, StateFFirst: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind."),
    };
}
