namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>
/// The nominal IEC 61851-1 CP circuit (±12 V generator, R1 = 1 kΩ, EV diode ≈ 0.7 V, R2 = 2.74 kΩ, R3 = 1.3 kΩ or
/// 270 Ω in parallel) as pure functions, shared by the simulated pilot and the test jig calculations.
/// </summary>
public static class CpCircuit
{
    /// <summary>Generator amplitude, volts.</summary>
    public const double GeneratorV = 12.0;

    /// <summary>EVSE series resistor R1, ohms.</summary>
    public const double R1Ohm = 1000.0;

    /// <summary>Forward voltage of the EV's series diode, volts.</summary>
    public const double DiodeForwardV = 0.7;

    /// <summary>EV resistor R2 (always present), ohms.</summary>
    public const double R2Ohm = 2740.0;

    /// <summary>EV resistor R3 switched in parallel for state C, ohms.</summary>
    public const double R3StateCOhm = 1300.0;

    /// <summary>EV resistor switched in parallel for state D (ventilation), ohms.</summary>
    public const double R3StateDOhm = 270.0;

    /// <summary>The EV-side load resistance for a state, ohms (∞ for A, E and F, where no EV load applies).</summary>
    /// <param name="state">B, C or D.</param>
    /// <returns>The load resistance, ohms.</returns>
    public static double EvLoadOhm(CpState state) => state switch
    {
        CpState.B => R2Ohm,
        CpState.C => Parallel(R2Ohm, R3StateCOhm),
        CpState.D => Parallel(R2Ohm, R3StateDOhm),
        _ => double.PositiveInfinity,
    };

    /// <summary>
    /// High plateau for a given EV load: V = 12 − (12 − Vdiode) · R1 / (R1 + R_EV) (nominal B 8.98 V, C 6.0 V, D 2.93 V).
    /// </summary>
    /// <param name="evLoadOhm">EV load resistance, ohms; ∞ for no EV.</param>
    /// <returns>The high plateau, volts.</returns>
    public static double HighPlateauV(double evLoadOhm) =>
        double.IsPositiveInfinity(evLoadOhm) ? GeneratorV : GeneratorV - ((GeneratorV - DiodeForwardV) * R1Ohm / (R1Ohm + evLoadOhm));

    private static double Parallel(double a, double b) => a * b / (a + b);
}
