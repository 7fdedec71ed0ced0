namespace ChargerController.Station.Safety;

/// <summary>How an active fault is cleared (REFERENCE.md §6.4, column "Recovery").</summary>
public enum FaultClearRule
{
    /// <summary>Cleared as soon as the detecting condition is no longer seen (CP valid again, meter answers again …).</summary>
    WhenConditionGone = 0,

    /// <summary>Latched until the EV is unplugged (CP state A): the next session starts clean.</summary>
    OnUnplug,

    /// <summary>Latched until an operator reset followed by a passed residual-current self-test.</summary>
    ResetAndSelfTest,

    /// <summary>Latched until an operator reset while the hardware shows the fault gone (service required).</summary>
    ServiceReset,
}
