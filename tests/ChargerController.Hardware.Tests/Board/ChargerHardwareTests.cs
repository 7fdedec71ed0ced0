using System.Device.Gpio;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Board;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using ChargerController.Hardware.Tests.Meters;
using ChargerController.Hardware.Tests.Pty;
using ChargerController.Hardware.Tests.Rfid;

namespace ChargerController.Hardware.Tests.Board;

/// <summary>
/// chargerd's real-hardware composition: each function of a shipped board profile lands on its line, channel and bus, and
/// the meter and RFID reader are driven over the configured serial ports (real pseudo-terminals).
/// </summary>
public sealed class ChargerHardwareTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeBoardPorts ports = new();
    private readonly MeterProfileCatalog meters = new(null);

    [Fact]
    public async Task GenericPi4_EveryFunctionOnItsProfileLine()
    {
        await using var hw = Open("generic-pi4", meter: null, rfid: null);

        Assert.Equal("pinctrl-bcm2711", ports.OpenedChip!.ChipLabel);
        Assert.Equal(("fe20c000.pwm", 0), (ports.OpenedPwm!.DeviceName, ports.OpenedPwm.Channel));
        var spi = Assert.Single(ports.OpenedSpi);
        Assert.Equal((0, 0, AdcType.Mcp3008), (spi.SpiBus, spi.ChipSelect, spi.Type));
        Assert.Empty(ports.OpenedI2c);

        // K1 17, K2 27, lock 5/6, RCD test 25, LEDs 20/21/19, buzzer 4; mirrors 22/23, lock feedback 26, RCD fault 24, PWM sync 16.
        Assert.Equal([4, 5, 6, 17, 19, 20, 21, 25, 27], ports.Gpio.Modes.Where(m => m.Value == PinMode.Output).Select(m => m.Key).Order());
        Assert.Equal([16, 24], ports.Gpio.Modes.Where(m => m.Value == PinMode.Input).Select(m => m.Key).Order());
        Assert.Equal([22, 23, 26], ports.Gpio.Modes.Where(m => m.Value == PinMode.InputPullUp).Select(m => m.Key).Order());
        Assert.Equal(PinValue.High, ports.Gpio.LevelAtOpen[25]); // active-low RCD test output starts inactive
        Assert.Equal(PinValue.Low, ports.Gpio.LevelAtOpen[17]);

        var board = hw.Board;
        Assert.NotNull(board.ProximityPilot);
        Assert.NotNull(board.ConnectorLock);
        Assert.NotNull(board.ResidualCurrentMonitor);
        Assert.Equal([IndicatorRole.Ready, IndicatorRole.Charging, IndicatorRole.Fault, IndicatorRole.Buzzer], board.Indicators.Select(i => i.Role));
        Assert.True(board.Contactor.SupportsPhaseSwitching);

        board.Contactor.Close(PhaseSelection.AllPhases);
        Assert.Equal((PinValue.High, PinValue.High), (ports.Gpio.Levels[17], ports.Gpio.Levels[27]));
        board.Contactor.Open();
        Assert.Equal((PinValue.Low, PinValue.Low), (ports.Gpio.Levels[17], ports.Gpio.Levels[27]));
        Assert.Null(hw.Meter);
        Assert.Null(hw.RfidReader);
    }

    [Fact]
    public async Task TetheredProfile_Mcp3208OnCe1_Ads1115OnI2c1_NoLockNoProximity()
    {
        await using var hw = Open("tethered-pi4-ads1115", meter: null, rfid: null);

        Assert.Equal((null, 0, 0), (ports.OpenedPwm!.DeviceName, ports.OpenedPwm.Chip, ports.OpenedPwm.Channel));
        var spi = Assert.Single(ports.OpenedSpi);
        Assert.Equal((0, 1, AdcType.Mcp3208), (spi.SpiBus, spi.ChipSelect, spi.Type));
        var i2c = Assert.Single(ports.OpenedI2c);
        Assert.Equal((1, 0x48), (i2c.I2cBus, i2c.Address));
        Assert.Null(hw.Board.ProximityPilot);
        Assert.Null(hw.Board.ConnectorLock);
        Assert.Null(hw.Board.ResidualCurrentMonitor);
        Assert.False(hw.Board.Contactor.SupportsPhaseSwitching);
        hw.Board.Contactor.Close(PhaseSelection.AllPhases);
        Assert.Equal(PinValue.High, ports.Gpio.Levels[17]);
    }

    [Fact]
    public async Task MeterOnConfiguredPort_ReadsThroughRs485AtConfiguredSlaveAddress()
    {
        var dump = MeterDump.Load("sdm630");
        using var pty = new PseudoTerminal();
        using var port = new PtySymlink();
        port.PointTo(pty);
        using var emulator = new ModbusSlaveEmulator(pty, dump.ToSlave(7));

        await using var hw = Open("generic-pi4", new SerialMeterOptions { Port = port.Path, Profile = dump.Profile, SlaveAddress = 7 }, rfid: null);
        using var cts = new CancellationTokenSource(Bound);
        var reading = await hw.Meter!.ReadAsync(cts.Token);

        ModbusEnergyMeterTests.AssertSnapshot(dump, reading);
        Assert.Null(emulator.Failure);
        Assert.Equal((port.Path, 7, dump.Profile), (hw.MeterLink!.PortName, (int)hw.Meter.SlaveAddress, hw.Meter.Profile.Name));
    }

    [Fact]
    public async Task MeterLineSettings_ConfigurationOverridesTheProfileDefaults()
    {
        var profile = meters.Get("sdm630");
        await using var defaults = Open("generic-pi4", new SerialMeterOptions { Port = "/dev/charger-meter", Profile = "sdm630" }, rfid: null);
        Assert.Equal(profile.SerialDefaults.BaudRate, defaults.MeterLink!.BaudRate);
        Assert.Equal(profile.SerialDefaults.Parity, defaults.MeterLink.Parity);
        Assert.Equal(profile.SerialDefaults.SlaveAddress, defaults.Meter!.SlaveAddress);
        await defaults.DisposeAsync(); // and again by `await using`: disposing twice is harmless

        await using var custom = Open(
            "generic-pi4",
            new SerialMeterOptions { Port = "/dev/ttyAMA0", Profile = "sdm630", BaudRate = 19200, Parity = SerialPortLinkParity.Odd, StopBits = 2, SlaveAddress = 12 },
            rfid: null);
        Assert.Equal(("/dev/ttyAMA0", 19200, SerialPortLinkParity.Odd, 2), (custom.MeterLink!.PortName, custom.MeterLink.BaudRate, custom.MeterLink.Parity, custom.MeterLink.StopBits));
        Assert.Equal(12, custom.Meter!.SlaveAddress);
    }

    [Fact]
    public async Task Rdm6300OnConfiguredPort_ReadsACardPresentedThere()
    {
        byte[] tag = [0x1A, 0x00, 0xF2, 0x3A, 0x91];
        using var pty = new PseudoTerminal();
        using var port = new PtySymlink();
        port.PointTo(pty);
        await using var hw = Open("generic-pi4", meter: null, new SerialRfidOptions { Port = port.Path, Reader = RfidReaderKind.Rdm6300 });
        Assert.IsType<Rdm6300Reader>(hw.RfidReader);
        Assert.Equal((port.Path, 9600), (hw.RfidLink!.PortName, hw.RfidLink.BaudRate));

        using var cts = new CancellationTokenSource(Bound);
        await using var cards = hw.RfidReader!.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = cards.MoveNextAsync().AsTask();

        // The reader opens the port on its own schedule and a fresh open may flush what was already sent: present the
        // card until it is read, as a driver holding it in front of the reader would.
        while (!next.IsCompleted)
        {
            pty.Write(Rdm6300Frames.Build(tag));
            await Task.WhenAny(next, Task.Delay(100, cts.Token));
        }

        Assert.True(await next);
        Assert.Equal(tag, cards.Current.Uid);
    }

    [Fact]
    public async Task Pn532_GetsThePn532DriverAtItsHsuBaudRate()
    {
        await using var hw = Open("generic-pi4", meter: null, new SerialRfidOptions { Port = "/dev/charger-rfid", Reader = RfidReaderKind.Pn532 });

        Assert.IsType<Pn532Reader>(hw.RfidReader);
        Assert.Equal(("/dev/charger-rfid", 115_200), (hw.RfidLink!.PortName, hw.RfidLink.BaudRate));
    }

    [Fact]
    public void InvalidSerialSettings_AreAllReported_BeforeAnyGpioLineIsTouched()
    {
        var ex = Assert.Throws<BoardProfileException>(() => Open(
            "generic-pi4",
            new SerialMeterOptions { Port = "/dev/charger-meter", Profile = "sdm630", SlaveAddress = 0, StopBits = 3 },
            rfid: null));

        Assert.Contains(ex.Errors, e => e.Contains("SlaveAddress", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("Stop bits", StringComparison.Ordinal));
        Assert.Null(ports.OpenedChip);
    }

    [Fact]
    public void UnknownMeterProfile_NamesTheKnownOnes()
    {
        var ex = Assert.Throws<MeterProfileException>(() => Open("generic-pi4", new SerialMeterOptions { Port = "/dev/charger-meter", Profile = "no-such-meter" }, rfid: null));

        Assert.Contains("sdm630", ex.Message, StringComparison.Ordinal);
        Assert.Null(ports.OpenedChip);
    }

    [Fact]
    public void PwmChannelMissing_EveryOpenedLineIsReleasedAgain()
    {
        ports.PwmFailure = new ArgumentException("pwmchip0/pwm0 does not exist");

        Assert.Throws<ArgumentException>(() => Open("generic-pi4", meter: null, rfid: null));

        Assert.NotEmpty(ports.Gpio.Modes);
        Assert.Empty(ports.Gpio.Open);
    }

    private ChargerHardware Open(string board, SerialMeterOptions? meter, SerialRfidOptions? rfid) =>
        ChargerHardware.Open(
            BoardProfile.Load(Path.Combine(RepositoryFiles.BoardsDirectory, board + ".json")),
            meter,
            rfid,
            TimeProvider.System,
            ports,
            new SerialPortLinkFactory(),
            meters);
}
