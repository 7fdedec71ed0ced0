using System.Device.Gpio;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

public sealed class LinuxGpioChipTests
{
    private readonly FakeGpioDriver driver = new();
    private readonly LinuxGpioChip chip;

    public LinuxGpioChipTests() => chip = new LinuxGpioChip(new GpioController(driver), ownsController: true);

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void OpenOutput_IsInactiveFromTheFirstInstant(bool activeLow, int expectedLevel)
    {
        using var output = chip.OpenOutput(17, activeLow);

        Assert.Equal(PinMode.Output, driver.Modes[17]);
        Assert.Equal((PinValue)expectedLevel, driver.LevelAtOpen[17]);
        Assert.False(output.Value);
    }

    [Fact]
    public void Write_ActiveLow_InvertsTheLevel()
    {
        using var output = chip.OpenOutput(25, activeLow: true);

        output.Write(true);
        Assert.Equal(PinValue.Low, driver.Levels[25]);
        output.Write(false);
        Assert.Equal(PinValue.High, driver.Levels[25]);
    }

    [Fact]
    public void Write_ActiveHigh_DrivesTheLevel()
    {
        using var output = chip.OpenOutput(17, activeLow: false);

        output.Write(true);

        Assert.Equal(PinValue.High, driver.Levels[17]);
        Assert.True(output.Value);
    }

    [Fact]
    public void DisposeOutput_LeavesItInactiveAndReleasesTheLine()
    {
        var output = chip.OpenOutput(17, activeLow: false);
        output.Write(true);

        output.Dispose();

        Assert.Equal(PinValue.Low, driver.Levels[17]);
        Assert.DoesNotContain(17, driver.Open);
        Assert.Throws<ObjectDisposedException>(() => output.Write(true));
    }

    [Theory]
    [InlineData(InputBias.None, PinMode.Input)]
    [InlineData(InputBias.PullUp, PinMode.InputPullUp)]
    [InlineData(InputBias.PullDown, PinMode.InputPullDown)]
    public void OpenInput_AppliesTheBias(InputBias bias, PinMode expected)
    {
        using var input = chip.OpenInput(22, activeLow: false, bias);

        Assert.Equal(expected, driver.Modes[22]);
    }

    [Theory]
    [InlineData(false, 1, true)]
    [InlineData(false, 0, false)]
    [InlineData(true, 0, true)]
    [InlineData(true, 1, false)]
    public void Read_AppliesThePolarity(bool activeLow, int level, bool expected)
    {
        using var input = chip.OpenInput(22, activeLow, InputBias.PullUp);
        driver.Levels[22] = level;

        Assert.Equal(expected, input.Read());
    }

    [Theory]
    [InlineData(GpioDriverKind.Libgpiod, "libgpiod2")]
    [InlineData(GpioDriverKind.Libgpiod2, "libgpiod3")]
    public void Open_OnAMachineWithoutThatLibgpiod_ExplainsWhichPackageOrDriverSetting(GpioDriverKind kind, string package)
    {
        // On a dev box or CI runner libgpiod is absent; on a Pi the label is unknown. Either way: a clear, typed error.
        var ex = Record.Exception(() => LinuxGpioChip.Open(kind, "no-such-chip-label", 0).Dispose());

        Assert.NotNull(ex);
        Assert.IsNotType<DllNotFoundException>(ex);
        if (ex is IOException)
        {
            Assert.Contains(package, ex.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.IsType<InvalidOperationException>(ex);
            Assert.Contains("no-such-chip-label", ex.Message, StringComparison.Ordinal);
        }
    }
}
