namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>
/// IEC 61851-1 PWM duty cycle ↔ current, in both directions. Duty cycles are in percent (0–100) here,
/// as the standard writes them; the port layer converts to a 0–1 fraction.
/// </summary>
public static class DutyCycle
{
    /// <summary>Lowest current a PWM duty can announce (basic charging), amperes.</summary>
    public const double MinCurrentA = 6.0;

    /// <summary>Highest current a PWM duty can announce, amperes.</summary>
    public const double MaxCurrentA = 80.0;

    /// <summary>Upper end of the 0.6 A/% range (85 %), amperes.</summary>
    public const double LowRangeMaxCurrentA = 51.0;

    /// <summary>Lower end of the 2.5 A/% range (85.0 % + 0.6 % … see <see cref="FromCurrent"/>), amperes.</summary>
    public const double HighRangeMinCurrentA = 52.5;

    /// <summary>Duty cycle that requests ISO 15118 / DIN 70121 high-level communication, percent.</summary>
    public const double HighLevelCommunicationPercent = 5.0;

    /// <summary>
    /// The duty cycle an EVSE generates to offer <paramref name="currentA"/> (IEC 61851-1 Table A.7 as implemented by
    /// EVerest <c>Charger::ampere_to_duty_cycle</c>): 6 A ≤ I ≤ 51 A → D = I / 0.6; 52.5 A ≤ I ≤ 80 A → D = I / 2.5 + 64.
    /// </summary>
    /// <param name="currentA">Current to offer, amperes.</param>
    /// <param name="dutyCyclePercent">The duty cycle, percent; 100 when the current cannot be announced.</param>
    /// <returns><see langword="false"/> when the current is below 6 A, above 80 A or not a number: only pausing (100 %, X1) is possible then.</returns>
    public static bool TryFromCurrent(double currentA, out double dutyCyclePercent)
    {
        // 5.9–6.1 A is accepted as 6 A as EVerest does, so a limit computed in floating point does not pause charging.
        if (double.IsNaN(currentA) || currentA < MinCurrentA - 0.1 || currentA > MaxCurrentA)
        {
            dutyCyclePercent = 100.0;
            return false;
        }

        dutyCyclePercent = FromCurrent(Math.Max(currentA, MinCurrentA));
        return true;
    }

    /// <summary>Like <see cref="TryFromCurrent"/>, but for a current already known to be within 6–80 A.</summary>
    /// <param name="currentA">Current to offer, 6–80 A.</param>
    /// <returns>The duty cycle, percent (10–96).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The current is outside 6–80 A.</exception>
    public static double FromCurrent(double currentA)
    {
        if (double.IsNaN(currentA) || currentA < MinCurrentA || currentA > MaxCurrentA)
        {
            throw new ArgumentOutOfRangeException(nameof(currentA), currentA, "A PWM duty cycle can announce only 6–80 A.");
        }

        if (currentA <= LowRangeMaxCurrentA)
        {
            return currentA / 0.6;
        }

        // 51–52.5 A has no duty cycle in the standard ("weird gap in norm", EVerest): clamp down to 51 A = 85 %,
        // never round up to more than was offered.
        if (currentA < HighRangeMinCurrentA)
        {
            return LowRangeMaxCurrentA / 0.6;
        }

        return (currentA / 2.5) + 64.0;
    }

    /// <summary>
    /// The current an EV may draw for a received duty cycle (IEC 61851-1 Table A.8, EV side):
    /// 10 % ≤ D ≤ 85 % → I = 0.6 · D; 85 % &lt; D ≤ 96 % → I = (D − 64) · 2.5; 96 % &lt; D ≤ 97 % → 80 A;
    /// 8 % ≤ D &lt; 10 % → 6 A; anything else (no PWM, 100 %, &lt; 8 %, &gt; 97 %) → 0 A (no charging).
    /// </summary>
    /// <param name="dutyCyclePercent">Received duty cycle, percent.</param>
    /// <returns>The allowed current, amperes (0 = no charging allowed).</returns>
    public static double ToCurrent(double dutyCyclePercent)
    {
        var d = dutyCyclePercent;
        if (double.IsNaN(d) || d < 8.0 || d > 97.0)
        {
            return 0.0;
        }

        if (d < 10.0)
        {
            return MinCurrentA;
        }

        if (d <= 85.0)
        {
            return 0.6 * d;
        }

        if (d <= 96.0)
        {
            return (d - 64.0) * 2.5;
        }

        return MaxCurrentA;
    }

    /// <summary>Whether the duty cycle asks for high-level communication (3–7 %, nominally 5 %), in which case the current comes from ISO 15118 / DIN 70121, not from the PWM.</summary>
    /// <param name="dutyCyclePercent">Received duty cycle, percent.</param>
    /// <returns><see langword="true"/> for 3 % ≤ D ≤ 7 %.</returns>
    public static bool RequestsHighLevelCommunication(double dutyCyclePercent) =>
        dutyCyclePercent >= 3.0 && dutyCyclePercent <= 7.0;
}
