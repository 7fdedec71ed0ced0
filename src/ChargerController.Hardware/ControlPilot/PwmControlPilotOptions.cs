namespace ChargerController.Hardware.ControlPilot;

/// <summary>Settings of <see cref="PwmControlPilot"/>.</summary>
public sealed record PwmControlPilotOptions
{
    /// <summary>PWM frequency, hertz (IEC 61851-1: 1000 Hz ± 2 %).</summary>
    public double FrequencyHz { get; init; } = 1000.0;

    /// <summary>Whether the ±12 V output stage inverts (then the PWM pin carries 1 − duty).</summary>
    public bool InvertedOutput { get; init; }

    /// <summary>ADC channel wired to the CP measuring divider.</summary>
    public int AdcChannel { get; init; }

    /// <summary>ADC code → CP volts.</summary>
    public CpMeasurementScaling Scaling { get; init; }

    /// <summary>Conversions wanted per plateau while PWM runs.</summary>
    public int SamplesPerPlateau { get; init; } = 8;

    /// <summary>Upper bound of conversions per window while PWM runs (bounds the time spent at very low or high duty).</summary>
    public int MaxSamplesPerWindow { get; init; } = 400;

    /// <summary>Conversions averaged (median) when the generator is steady.</summary>
    public int SteadySamples { get; init; } = 8;
}
