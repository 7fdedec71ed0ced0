using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Board;

/// <summary>
/// Opens the kernel devices a board profile names: the one seam between <see cref="BoardDevices"/> (which line, channel
/// and bus carries which function) and the device nodes themselves, so the mapping can be checked without a Pi.
/// </summary>
public interface IBoardPorts
{
    /// <summary>Opens the GPIO chip.</summary>
    /// <param name="options">The profile's <c>gpio</c> section.</param>
    /// <returns>The chip; the caller owns it.</returns>
    /// <exception cref="InvalidOperationException">No chip carries the configured label.</exception>
    /// <exception cref="IOException">The chip or the libgpiod library is missing.</exception>
    LinuxGpioChip OpenGpioChip(GpioChipOptions options);

    /// <summary>Opens the CP PWM channel, output disabled.</summary>
    /// <param name="options">The profile's <c>pwm</c> section.</param>
    /// <returns>The channel; the caller owns it.</returns>
    IPwmOutput OpenPwm(PwmOptions options);

    /// <summary>Opens the SPI device of an MCP3x08.</summary>
    /// <param name="adc">The ADC entry.</param>
    /// <returns>The device; the caller owns it (through the ADC).</returns>
    ISpiTransfer OpenSpi(AdcOptions adc);

    /// <summary>Opens the I²C device of an ADS1115.</summary>
    /// <param name="adc">The ADC entry.</param>
    /// <returns>The device; the caller owns it (through the ADC).</returns>
    II2cTransfer OpenI2c(AdcOptions adc);
}
