namespace ChargerController.Hardware.Board;

/// <summary>The CP measurement.</summary>
public sealed class ControlPilotOptions
{
    /// <summary>Id of the (SPI) ADC measuring CP.</summary>
    public string Adc { get; set; } = string.Empty;

    /// <summary>ADC channel on the CP divider.</summary>
    public int Channel { get; set; }

    /// <summary>Loop-back input reading the PWM pin, for sampling in step with the PWM; absent = burst min/max.</summary>
    public GpioLineOptions? PwmSync { get; set; }

    /// <summary>CP volts per ADC code (hardware/README.md derives it from the divider).</summary>
    public double VoltsPerCount { get; set; }

    /// <summary>CP volts at code 0.</summary>
    public double OffsetV { get; set; }
}
