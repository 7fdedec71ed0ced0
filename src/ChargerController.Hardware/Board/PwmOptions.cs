namespace ChargerController.Hardware.Board;

/// <summary>The hardware PWM channel that generates the CP.</summary>
public sealed class PwmOptions
{
    /// <summary>Platform device of the PWM block (<c>1f00098000.pwm</c> on a Pi 5); preferred over <see cref="Chip"/> because pwmchip numbers move.</summary>
    public string? DeviceName { get; set; }

    /// <summary>pwmchip number, used only without <see cref="DeviceName"/>.</summary>
    public int? Chip { get; set; }

    /// <summary>Channel on the chip (GPIO12 = channel 0 on Pi 4 and Pi 5).</summary>
    public int Channel { get; set; } = -1;

    /// <summary>The GPIO the overlay routes the channel to (documentation and collision check only).</summary>
    public int? Gpio { get; set; }

    /// <summary>PWM frequency, hertz (980–1020).</summary>
    public double FrequencyHz { get; set; } = 1000.0;

    /// <summary>Whether the ±12 V stage inverts.</summary>
    public bool InvertedOutput { get; set; }
}
