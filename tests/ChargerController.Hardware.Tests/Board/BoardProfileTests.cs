using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Hardware.Board;
using ChargerController.Hardware.ConnectorLock;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Board;

public sealed class BoardProfileTests
{
    public static TheoryData<string> ShippedProfiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.BoardsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public void Load_EveryShippedProfile_IsValidAndNamedAfterItsFile(string file)
    {
        var options = BoardProfile.Load(Path.Combine(RepositoryFiles.BoardsDirectory, file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), options.Name);
        Assert.Empty(HardwareOptionsValidator.Validate(options));
    }

    [Fact]
    public void Load_GenericPi4_MapsEveryFunction()
    {
        var options = BoardProfile.Load(Path.Combine(RepositoryFiles.BoardsDirectory, "generic-pi4.json"));

        Assert.Equal(GpioDriverKind.Libgpiod, options.Gpio!.Driver);
        Assert.Equal("pinctrl-bcm2711", options.Gpio.ChipLabel);
        Assert.Equal(0, options.Pwm!.Channel);
        Assert.Equal(12, options.Pwm.Gpio);
        Assert.Equal(AdcType.Mcp3008, Assert.Single(options.Adcs).Type);
        Assert.Equal(16, options.ControlPilot!.PwmSync!.Line);
        Assert.Equal(17, options.Contactor!.Main!.Line);
        Assert.True(options.Contactor.MainMirror!.ActiveLow);
        Assert.Equal(InputBias.PullUp, options.Contactor.MainMirror.Bias);
        Assert.Equal(ConnectorLockDrive.Pulse, options.ConnectorLock!.Drive);
        Assert.True(options.ResidualCurrentMonitor!.Test!.ActiveLow);
        Assert.Equal(Enum.GetValues<IndicatorRole>(), options.Indicators.Select(i => i.Role).Order());
    }

    [Fact]
    public void Load_GenericPi5_DiffersOnlyInChipPwmDeviceAndDriver()
    {
        var pi4 = BoardProfile.Load(Path.Combine(RepositoryFiles.BoardsDirectory, "generic-pi4.json"));
        var pi5 = BoardProfile.Load(Path.Combine(RepositoryFiles.BoardsDirectory, "generic-pi5.json"));

        Assert.Equal("pinctrl-rp1", pi5.Gpio!.ChipLabel);
        Assert.Equal("1f00098000.pwm", pi5.Pwm!.DeviceName);
        Assert.Equal(GpioDriverKind.Libgpiod2, pi5.Gpio.Driver);
        Assert.Equal(pi4.Contactor!.Main!.Line, pi5.Contactor!.Main!.Line);
        Assert.Equal(pi4.ControlPilot!.VoltsPerCount, pi5.ControlPilot!.VoltsPerCount);
    }

    [Fact]
    public void SerializeThenParse_RoundTrips()
    {
        var options = BoardProfile.Load(Path.Combine(RepositoryFiles.BoardsDirectory, "generic-pi4.json"));

        var again = BoardProfile.Parse(BoardProfile.Serialize(options), "round-trip");

        Assert.Equal(BoardProfile.Serialize(options), BoardProfile.Serialize(again));
    }

    [Fact]
    public void Load_MissingFile_ExplainsWhichFile()
    {
        var ex = Assert.Throws<BoardProfileException>(() => BoardProfile.Load("/nonexistent/board.json"));

        Assert.Contains("cannot read the file", Assert.Single(ex.Errors), StringComparison.Ordinal);
        Assert.Contains("/nonexistent/board.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_NamesTheLine()
    {
        var ex = Assert.Throws<BoardProfileException>(() => BoardProfile.Parse("{\n  \"name\": \"x\",\n  \"gpio\": { \"driver\": \n}", "broken.json"));

        Assert.Contains("line 4", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_IsRejectedSoATypoNeverDropsAPin()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryFiles.BoardsDirectory, "generic-pi4.json"))
            .Replace("\"mainMirror\"", "\"mainMiror\"", StringComparison.Ordinal);

        var ex = Assert.Throws<BoardProfileException>(() => BoardProfile.Parse(json, "typo.json"));

        Assert.Contains("mainMiror", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownEnumName_IsRejected()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryFiles.BoardsDirectory, "generic-pi4.json"))
            .Replace("\"Mcp3008\"", "\"Mcp9999\"", StringComparison.Ordinal);

        Assert.Throws<BoardProfileException>(() => BoardProfile.Parse(json, "enum.json"));
    }

    [Fact]
    public void Parse_Null_IsRejected()
    {
        Assert.Throws<BoardProfileException>(() => BoardProfile.Parse("null", "null.json"));
    }
}
