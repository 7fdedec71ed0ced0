using ChargerController.IntegrationTests.Architecture;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>chargerd's start-up contract (issue 9): flags, validation messages and exit codes, as a real process.</summary>
public sealed class ChargerdStartupTests
{
    private static readonly TimeSpan Timeout = ProcessWait.Timeout;

    [Fact]
    public async Task Version_PrintsVersion_ExitsZero()
    {
        await using var p = ChargerdProcess.Start("--version");
        Assert.Equal(0, await p.WaitForExitAsync(Timeout));
        Assert.Matches(@"^\d+\.\d+\.\d+", p.StandardOutput.Trim());
    }

    [Fact]
    public async Task NoStationId_ExitsInvalidConfiguration_NamingTheKey()
    {
        await using var p = ChargerdProcess.Start("--config", WriteConfig("{}"));
        Assert.Equal(2, await p.WaitForExitAsync(Timeout));
        Assert.Contains("StationId is required", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingConfigFile_ExitsInvalidConfiguration()
    {
        await using var p = ChargerdProcess.Start("--config", "/nonexistent/chargercontroller.json", "--simulate");
        Assert.Equal(2, await p.WaitForExitAsync(Timeout));
        Assert.Contains("/nonexistent/chargercontroller.json", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadCsmsUrl_ExitsInvalidConfiguration()
    {
        await using var p = ChargerdProcess.Start("--simulate", "--csms-url", "http://not-a-websocket", "--config", WriteConfig("{}"));
        Assert.Equal(2, await p.WaitForExitAsync(Timeout));
        Assert.Contains("ws:// or wss://", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoGpioChipWithoutSimulate_ExitsHardwareMissing_NamingDeviceAndSuggestingSimulate()
    {
        var config = WriteConfig("""{ "Chargerd": { "StationId": "CC-1", "GpioChip": "/dev/gpiochip-does-not-exist" } }""");
        await using var p = ChargerdProcess.Start("--config", config);
        Assert.Equal(3, await p.WaitForExitAsync(Timeout));
        Assert.Contains("/dev/gpiochip-does-not-exist", p.StandardError, StringComparison.Ordinal);
        Assert.Contains("--simulate", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GpioChipPresent_BoardProfileMissing_ExitsInvalidConfiguration_NamingTheFile()
    {
        var config = WriteConfig("""{ "Chargerd": { "StationId": "CC-1", "GpioChip": "/dev/null", "BoardProfile": "/nonexistent/board.json" } }""");
        await using var p = ChargerdProcess.Start("--config", config);
        Assert.Equal(2, await p.WaitForExitAsync(Timeout));
        Assert.Contains("/nonexistent/board.json", p.StandardError, StringComparison.Ordinal);
        Assert.Contains("hardware/boards", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardProfileChipNotOnThisMachine_ExitsHardwareMissing_NamingTheChipAndSuggestingSimulate()
    {
        // This machine has no pinctrl-bcm2711 (and maybe no libgpiod): the shipped Pi 4 profile cannot open.
        var board = Path.Combine(RepositoryLayout.Root, "hardware", "boards", "generic-pi4.json");
        var config = WriteConfig($$"""{ "Chargerd": { "StationId": "CC-1", "GpioChip": "/dev/null", "BoardProfile": "{{board}}" } }""");
        await using var p = ChargerdProcess.Start("--config", config);
        Assert.Equal(3, await p.WaitForExitAsync(Timeout));
        Assert.Contains("GPIO chip 'pinctrl-bcm2711'", p.StandardError, StringComparison.Ordinal);
        Assert.Contains("generic-pi4", p.StandardError, StringComparison.Ordinal);
        Assert.Contains("--simulate", p.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMeterProfile_ExitsInvalidConfiguration_BeforeTouchingTheBoard()
    {
        var board = Path.Combine(RepositoryLayout.Root, "hardware", "boards", "generic-pi4.json");
        var config = WriteConfig($$"""
            { "Chargerd": { "StationId": "CC-1", "GpioChip": "/dev/null", "BoardProfile": "{{board}}",
              "Meter": { "Port": "/dev/charger-meter", "Profile": "no-such-meter" } } }
            """);
        await using var p = ChargerdProcess.Start("--config", config);
        Assert.Equal(2, await p.WaitForExitAsync(Timeout));
        Assert.Contains("Chargerd:Meter:Profile", p.StandardError, StringComparison.Ordinal);
        Assert.Contains("sdm630", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoEvsesWithoutSimulate_ExitsInvalidConfiguration()
    {
        var config = WriteConfig("""{ "Chargerd": { "StationId": "CC-1", "Evses": 2, "GpioChip": "/dev/null" } }""");
        await using var p = ChargerdProcess.Start("--config", config);
        Assert.Equal(2, await p.WaitForExitAsync(Timeout));
        Assert.Contains("a board profile drives one EVSE", p.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlagsOverrideFile_EvsesOutOfRangeFromFlag_IsReported()
    {
        var config = WriteConfig("""{ "Chargerd": { "StationId": "CC-1", "Evses": 2 } }""");
        await using var p = ChargerdProcess.Start("--config", config, "--simulate", "--evses", "9");
        Assert.Equal(2, await p.WaitForExitAsync(Timeout));
        Assert.Contains("Evses must be between 1 and 8 (got 9)", p.StandardError, StringComparison.Ordinal);
    }

    private static string WriteConfig(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chargerd").FullName, "chargercontroller.json");
        File.WriteAllText(path, json);
        return path;
    }
}
