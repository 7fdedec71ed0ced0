using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Board;

/// <summary>The real device nodes: libgpiod, sysfs PWM, <c>/dev/spidevB.C</c> and <c>/dev/i2c-N</c>.</summary>
public sealed class LinuxBoardPorts : IBoardPorts
{
    /// <inheritdoc />
    public LinuxGpioChip OpenGpioChip(GpioChipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LinuxGpioChip.Open(options.Driver, options.ChipLabel, options.ChipNumber);
    }

    /// <inheritdoc />
    public IPwmOutput OpenPwm(PwmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // pwmchip numbers moved between kernels (raspberrypi/linux #6818): the platform device name wins over the number.
        var chip = string.IsNullOrWhiteSpace(options.DeviceName) ? options.Chip!.Value : PwmChipLocator.FindChip(options.DeviceName);
        return SysfsPwmOutput.Open(chip, options.Channel);
    }

    /// <inheritdoc />
    public ISpiTransfer OpenSpi(AdcOptions adc)
    {
        ArgumentNullException.ThrowIfNull(adc);
        return SpiDeviceTransfer.Open(adc.SpiBus, adc.ChipSelect, adc.ClockHz, adc.SpiMode);
    }

    /// <inheritdoc />
    public II2cTransfer OpenI2c(AdcOptions adc)
    {
        ArgumentNullException.ThrowIfNull(adc);
        return I2cDeviceTransfer.Open(adc.I2cBus, adc.Address);
    }
}
