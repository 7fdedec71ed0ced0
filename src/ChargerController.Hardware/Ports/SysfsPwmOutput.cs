using System.Device.Pwm;

namespace ChargerController.Hardware.Ports;

/// <summary>
/// A hardware PWM channel through the kernel's sysfs ABI (<c>/sys/class/pwm/pwmchipN/pwmM</c>). The channel stays
/// exported for the whole service life; <see cref="Stop"/> disables the output, <see cref="Dispose"/> also unexports it.
/// </summary>
public sealed class SysfsPwmOutput : IPwmOutput
{
    private readonly PwmChannel channel;
    private bool disposed;

    internal SysfsPwmOutput(PwmChannel channel) => this.channel = channel;

    /// <inheritdoc />
    public bool IsRunning { get; private set; }

    /// <inheritdoc />
    public double DutyCycle { get; private set; }

    /// <summary>Opens a channel (exporting it if needed) with the output disabled.</summary>
    /// <param name="chip">pwmchip number (resolve it with <see cref="PwmChipLocator"/> on a Pi 5).</param>
    /// <param name="channel">Channel on the chip.</param>
    /// <returns>The output.</returns>
    /// <exception cref="ArgumentException">The chip or channel does not exist (overlay not loaded).</exception>
    /// <exception cref="UnauthorizedAccessException">The service user may not write the sysfs files (group <c>gpio</c>).</exception>
    public static SysfsPwmOutput Open(int chip, int channel) =>
        new(PwmChannel.Create(chip, channel, 1000, 0.0));

    /// <inheritdoc />
    public void Start(double frequencyHz, double dutyCycle)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!(frequencyHz >= 1 && frequencyHz <= 1_000_000))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), frequencyHz, "PWM frequency must be 1 Hz – 1 MHz.");
        }

        ValidateDuty(dutyCycle);
        channel.Frequency = (int)Math.Round(frequencyHz);
        channel.DutyCycle = dutyCycle;
        channel.Start();
        IsRunning = true;
        DutyCycle = dutyCycle;
    }

    /// <inheritdoc />
    public void SetDutyCycle(double dutyCycle)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ValidateDuty(dutyCycle);
        channel.DutyCycle = dutyCycle;
        DutyCycle = dutyCycle;
    }

    /// <inheritdoc />
    public void Stop()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        channel.Stop();
        IsRunning = false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        channel.Dispose();
        IsRunning = false;
        disposed = true;
    }

    private static void ValidateDuty(double dutyCycle)
    {
        if (!(dutyCycle >= 0.0 && dutyCycle <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(dutyCycle), dutyCycle, "Duty cycle is a fraction 0.0–1.0.");
        }
    }
}
