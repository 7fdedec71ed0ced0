namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>
/// EV diode check on the negative half-wave (IEC 61851-1 Annex A; Tinkerforge EVSE and EVerest's simulator use the
/// same criterion): with PWM running and an EV in B, C or D, the EV's series diode blocks the −12 V phase, so the low
/// plateau must stay at or below −10 V. A shorted diode lets the low plateau follow the mirror of the high one.
/// </summary>
public static class DiodeCheck
{
    /// <summary>Highest low-plateau voltage that still counts as a blocking diode, volts.</summary>
    public const double MaxLowPlateauV = -10.0;

    /// <summary>Evaluates one sample.</summary>
    /// <param name="plateaus">The plateau voltages.</param>
    /// <param name="pwmRunning">Whether the generator oscillates (X2) during the sample; without PWM there is no negative phase.</param>
    /// <param name="state">The CP state classified from the same sample.</param>
    /// <returns>The outcome.</returns>
    public static DiodeCheckResult Evaluate(CpPlateaus plateaus, bool pwmRunning, CpState state)
    {
        if (!pwmRunning || state is not (CpState.B or CpState.C or CpState.D))
        {
            return DiodeCheckResult.NotApplicable;
        }

        return !double.IsNaN(plateaus.LowV) && plateaus.LowV <= MaxLowPlateauV ? DiodeCheckResult.Passed : DiodeCheckResult.Failed;
    }
}
