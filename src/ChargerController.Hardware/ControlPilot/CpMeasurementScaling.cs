namespace ChargerController.Hardware.ControlPilot;

/// <summary>
/// Linear map from ADC code to CP voltage, V<sub>CP</sub> = <see cref="VoltsPerCount"/> · code + <see cref="OffsetV"/>,
/// set by the measuring divider (hardware/README.md, "CP measuring circuit") or by a two-point calibration.
/// </summary>
/// <param name="VoltsPerCount">CP volts per ADC code.</param>
/// <param name="OffsetV">CP volts at code 0.</param>
public readonly record struct CpMeasurementScaling(double VoltsPerCount, double OffsetV)
{
    /// <summary>Converts a code to CP volts.</summary>
    /// <param name="count">The ADC code.</param>
    /// <returns>CP volts.</returns>
    public double ToVolts(double count) => (VoltsPerCount * count) + OffsetV;

    /// <summary>
    /// Two-point calibration without an EV (REFERENCE §1.7): the CP then equals the generator, so steady +12 V and
    /// state F (−12 V) give two known points.
    /// </summary>
    /// <param name="countAtPlus12V">Code read with the generator at steady +12 V and nothing connected.</param>
    /// <param name="countAtMinus12V">Code read in state F.</param>
    /// <param name="plusV">The positive rail as measured with a meter, volts.</param>
    /// <param name="minusV">The negative rail as measured, volts.</param>
    /// <returns>The scaling.</returns>
    /// <exception cref="ArgumentException">The two codes are equal (ADC not connected).</exception>
    public static CpMeasurementScaling FromTwoPoints(double countAtPlus12V, double countAtMinus12V, double plusV = 12.0, double minusV = -12.0)
    {
        if (countAtPlus12V == countAtMinus12V)
        {
            throw new ArgumentException("Both calibration points read the same code: the CP ADC input is not connected.", nameof(countAtMinus12V));
        }

        var slope = (plusV - minusV) / (countAtPlus12V - countAtMinus12V);
        return new CpMeasurementScaling(slope, plusV - (slope * countAtPlus12V));
    }
}
