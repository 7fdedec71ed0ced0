using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Evse.Iec61851;

/// <summary>
/// The current an EVSE may offer: the minimum of every limit (REFERENCE.md §1.3: never more than min(EVSE rating, cable
/// rating from PP, installation limit, smart-charging/load-management limit, derating)).
/// </summary>
/// <param name="HardwareA">EVSE hardware rating, amperes.</param>
/// <param name="ConfiguredA">Configured maximum (installation), amperes.</param>
/// <param name="CableA">Cable rating (PP or tethered), amperes; ∞ when not limiting, 0 when unknown.</param>
/// <param name="ExternalA">Smart charging / load management / derating, amperes; ∞ when none is set.</param>
public readonly record struct CurrentLimits(double HardwareA, double ConfiguredA, double CableA, double ExternalA)
{
    /// <summary>The effective limit: the minimum, never negative; NaN counts as 0 (a broken limit source must not raise the offer).</summary>
    public double EffectiveA
    {
        get
        {
            var min = Math.Min(Math.Min(Sanitize(HardwareA), Sanitize(ConfiguredA)), Math.Min(Sanitize(CableA), Sanitize(ExternalA)));
            return Math.Max(0.0, min);
        }
    }

    /// <summary>The PWM duty for <see cref="EffectiveA"/> (via <see cref="DutyCycle.TryFromCurrent"/>), capped at 80 A.</summary>
    /// <param name="dutyCyclePercent">The duty, percent; 100 when only pausing is possible.</param>
    /// <returns><see langword="false"/> when the limit is below 6 A: charging must pause (X1).</returns>
    public bool TryGetDutyCycle(out double dutyCyclePercent) =>
        DutyCycle.TryFromCurrent(Math.Min(EffectiveA, DutyCycle.MaxCurrentA), out dutyCyclePercent);

    private static double Sanitize(double value) => double.IsNaN(value) ? 0.0 : value;
}
