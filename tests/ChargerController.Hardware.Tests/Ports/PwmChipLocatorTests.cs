using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

public sealed class PwmChipLocatorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sysclasspwm-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    // Builds the sysfs shape: pwmchipN/device -> ../../../<platform device>.
    private void AddChip(int number, string device)
    {
        var platform = Path.Combine(root, "devices", device);
        Directory.CreateDirectory(platform);
        var chip = Path.Combine(root, $"pwmchip{number}");
        Directory.CreateDirectory(chip);
        Directory.CreateSymbolicLink(Path.Combine(chip, "device"), platform);
    }

    [Fact]
    public void FindChip_Pi5AfterRenumbering_FindsTheRp1PwmByDevice()
    {
        AddChip(0, "1f00074000.i2c-pwm");
        AddChip(2, "1f00098000.pwm");

        Assert.Equal(2, PwmChipLocator.FindChip("1f00098000.pwm", root));
    }

    [Fact]
    public void FindChip_NoMatch_ListsWhatExists()
    {
        AddChip(0, "fe20c000.pwm");

        var ex = Assert.Throws<InvalidOperationException>(() => PwmChipLocator.FindChip("1f00098000.pwm", root));

        Assert.Contains("pwmchip0 → fe20c000.pwm", ex.Message, StringComparison.Ordinal);
        Assert.Contains("overlay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindChip_NoPwmAtAll_SaysNone()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => PwmChipLocator.FindChip("fe20c000.pwm", Path.Combine(root, "missing")));

        Assert.Contains("Found: none", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindChip_AmbiguousSuffix_AsksForTheFullName()
    {
        AddChip(0, "fe20c000.pwm");
        AddChip(1, "fe20c800.pwm");

        var ex = Assert.Throws<InvalidOperationException>(() => PwmChipLocator.FindChip(".pwm", root));

        Assert.Contains("several", ex.Message, StringComparison.Ordinal);
    }
}
