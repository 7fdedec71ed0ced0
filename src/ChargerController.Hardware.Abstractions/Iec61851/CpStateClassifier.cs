namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>
/// Classifies the high CP plateau into a raw <see cref="CpState"/>. The nominal windows (A ≥ 11 V, B 8–10 V, C 5–7 V,
/// D 2–4 V, E −1…+1 V, F ≤ −11 V) are entry windows; the gaps between neighbouring windows (10–11, 7–8, 4–5, 1–2 V)
/// are hysteresis bands in which the previous state is kept when it is one of the two neighbours of that gap —
/// the "optional hysteresis test" of IEC 61851-1 A.4.11 that Tinkerforge's EVSE implements. A value in a gap
/// that does not border the previous state, or outside every window, is <see cref="CpState.Invalid"/>.
/// </summary>
public static class CpStateClassifier
{
    /// <summary>Upper limit of a plausible +12 V plateau (generator 12.6 V max plus measurement tolerance), volts.</summary>
    public const double MaxPlausibleV = 13.0;

    /// <summary>Lowest reading accepted as state A, volts.</summary>
    public const double StateAMinV = 11.0;

    /// <summary>Highest reading accepted as state B, volts.</summary>
    public const double StateBMaxV = 10.0;

    /// <summary>Lowest reading accepted as state B, volts.</summary>
    public const double StateBMinV = 8.0;

    /// <summary>Highest reading accepted as state C, volts.</summary>
    public const double StateCMaxV = 7.0;

    /// <summary>Lowest reading accepted as state C, volts.</summary>
    public const double StateCMinV = 5.0;

    /// <summary>Highest reading accepted as state D, volts.</summary>
    public const double StateDMaxV = 4.0;

    /// <summary>Lowest reading accepted as state D, volts.</summary>
    public const double StateDMinV = 2.0;

    /// <summary>Upper limit of state E (|V| ≤ 1 V), volts.</summary>
    public const double StateEMaxV = 1.0;

    /// <summary>Highest reading accepted as state F, volts.</summary>
    public const double StateFMaxV = -11.0;

    /// <summary>Lower limit of a plausible −12 V plateau, volts.</summary>
    public const double MinPlausibleV = -13.0;

    /// <summary>Classifies the high plateau (or the steady level without PWM).</summary>
    /// <param name="highV">High plateau voltage, volts.</param>
    /// <param name="previous">The previously classified state (use <see cref="CpState.Invalid"/> when none).</param>
    /// <returns>The raw state.</returns>
    public static CpState Classify(double highV, CpState previous)
    {
        var v = highV;
        if (double.IsNaN(v) || v > MaxPlausibleV || v < MinPlausibleV)
        {
            return CpState.Invalid;
        }

        if (v >= StateAMinV)
        {
            return CpState.A;
        }

        if (v > StateBMaxV)
        {
            return Hold(previous, CpState.A, CpState.B);
        }

        if (v >= StateBMinV)
        {
            return CpState.B;
        }

        if (v > StateCMaxV)
        {
            return Hold(previous, CpState.B, CpState.C);
        }

        if (v >= StateCMinV)
        {
            return CpState.C;
        }

        if (v > StateDMaxV)
        {
            return Hold(previous, CpState.C, CpState.D);
        }

        if (v >= StateDMinV)
        {
            return CpState.D;
        }

        if (v > StateEMaxV)
        {
            return Hold(previous, CpState.D, CpState.E);
        }

        if (v >= -StateEMaxV)
        {
            return CpState.E;
        }

        return v <= StateFMaxV ? CpState.F : CpState.Invalid;
    }

    /// <summary>Classifies a full sample: the high plateau decides, as IEC 61851-1 evaluates the positive half-wave.</summary>
    /// <param name="sample">The plateau voltages.</param>
    /// <param name="previous">The previously classified state.</param>
    /// <returns>The raw state.</returns>
    public static CpState Classify(CpPlateaus sample, CpState previous) => Classify(sample.HighV, previous);

    private static CpState Hold(CpState previous, CpState upper, CpState lower) =>
        previous == upper || previous == lower ? previous : CpState.Invalid;
}
