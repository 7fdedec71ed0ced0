using System.Device.Gpio;
using ChargerController.Hardware.Board;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Tests.Ports;

namespace ChargerController.Hardware.Tests.Board;

/// <summary>Board device nodes in memory: records what <see cref="BoardDevices"/> asked to open, with which settings.</summary>
public sealed class FakeBoardPorts : IBoardPorts
{
    public FakeGpioDriver Gpio { get; } = new();

    public FakePwmOutput Pwm { get; } = new();

    public GpioChipOptions? OpenedChip { get; private set; }

    public PwmOptions? OpenedPwm { get; private set; }

    public List<AdcOptions> OpenedSpi { get; } = [];

    public List<AdcOptions> OpenedI2c { get; } = [];

    /// <summary>Thrown by <see cref="OpenPwm"/> (overlay not loaded).</summary>
    public Exception? PwmFailure { get; set; }

    public LinuxGpioChip OpenGpioChip(GpioChipOptions options)
    {
        OpenedChip = options;
        return new LinuxGpioChip(new GpioController(Gpio), ownsController: true);
    }

    public IPwmOutput OpenPwm(PwmOptions options)
    {
        OpenedPwm = options;
        return PwmFailure is null ? Pwm : throw PwmFailure;
    }

    public ISpiTransfer OpenSpi(AdcOptions adc)
    {
        OpenedSpi.Add(adc);
        return new FakeSpiTransfer(new FakeMcp3x08(adc.Type == AdcType.Mcp3208 ? 12 : 10, _ => 0).Answer);
    }

    public II2cTransfer OpenI2c(AdcOptions adc)
    {
        OpenedI2c.Add(adc);
        return new FakeAds1115(_ => 0);
    }
}
