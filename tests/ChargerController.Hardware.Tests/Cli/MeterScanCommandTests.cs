using System.Text.Json;
using ChargerController.Cli.Output;
using ChargerController.Hardware.Tests.Meters;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Cli;

public sealed class MeterScanCommandTests
{
    [Fact]
    public async Task Scan_FindsAnsweringAddress_AndBestProfileFirst()
    {
        using var pty = new PseudoTerminal();
        using var meter = new ModbusSlaveEmulator(pty, MeterDump.Load("sdm630").ToSlave(3));

        var run = await CliRun.RunAsync("meter", "scan", "--port", pty.SlavePath, "--from", "1", "--to", "4", "--timeout-ms", "400", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var found = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(3, found.GetProperty("address").GetInt32());
        var profiles = found.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal("sdm630", profiles[0]);
        Assert.DoesNotContain("em340", profiles);
    }

    [Fact]
    public async Task Scan_NothingAnswers_Exit3()
    {
        using var pty = new PseudoTerminal();
        var run = await CliRun.RunAsync("meter", "scan", "--port", pty.SlavePath, "--from", "1", "--to", "2", "--timeout-ms", "30");
        Assert.Equal(ExitCodes.Timeout, run.ExitCode);
        Assert.Contains("no device answered", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_MissingPort_Exit4()
    {
        var run = await CliRun.RunAsync("meter", "scan", "--port", "/dev/ttyGONE1");
        Assert.Equal(ExitCodes.PortUnavailable, run.ExitCode);
    }
}
