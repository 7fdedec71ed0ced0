namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>Outcome of the EV diode check on the negative CP plateau.</summary>
public enum DiodeCheckResult
{
    /// <summary>The check cannot be made: no PWM running (no negative half-wave), or no EV in B/C/D.</summary>
    NotApplicable,

    /// <summary>The low plateau is at −12 V: the EV's diode blocks as it must.</summary>
    Passed,

    /// <summary>The low plateau rose above the limit while PWM runs with an EV present: diode shorted or missing, or a resistive load on CP.</summary>
    Failed,
}
