using System.Text.Json;
using ChargerController.Cli;
using ChargerController.Cli.Output;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Tests.Meters;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Cli;

public sealed class MeterReadCommandTests
{
    [Fact]
    public async Task Json_OverPty_PrintsExactlyTheContractKeys()
    {
        var dump = MeterDump.Load("sdm630");
        using var pty = new PseudoTerminal();
        using var meter = new ModbusSlaveEmulator(pty, dump.ToSlave(3));

        var run = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "sdm630", "--address", "3", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(["voltageV", "currentA", "powerW", "energyImportWh", "energyExportWh", "frequencyHz"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("voltageV").GetArrayLength());
        Assert.Equal(230.5, root.GetProperty("voltageV")[0].GetDouble());
        Assert.Equal(4600, root.GetProperty("powerW").GetDouble());
        Assert.Equal(12345600, root.GetProperty("energyImportWh").GetDouble(), 0);
        Assert.Equal(50.0, root.GetProperty("frequencyHz").GetDouble());
    }

    [Fact]
    public async Task Text_OverPty_ShowsSnapshot()
    {
        using var pty = new PseudoTerminal();
        using var meter = new ModbusSlaveEmulator(pty, MeterDump.Load("em340").ToSlave());
        var run = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "em340");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("meter em340", run.Output, StringComparison.Ordinal);
        Assert.Contains("230.5", run.Output, StringComparison.Ordinal);
        Assert.Contains("12345.600 kWh", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PowerOnlyMeter_TextAndJson_ShowMissingQuantities()
    {
        using var pty = new PseudoTerminal();
        using var meter = new ModbusSlaveEmulator(pty, MeterDump.Load("sdm72d").ToSlave());
        var text = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "sdm72d");
        Assert.Equal(ExitCodes.Success, text.ExitCode);
        Assert.Matches(@"voltage\s+-", text.Output);
        Assert.Matches(@"frequency\s+-", text.Output);

        var json = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "sdm72d", "--json");
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(0, document.RootElement.GetProperty("voltageV").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("frequencyHz").ValueKind);
        Assert.Equal(12500, document.RootElement.GetProperty("energyExportWh").GetDouble());
    }

    [Fact]
    public async Task MissingPort_Exit4_WithMessageOnStderr()
    {
        var run = await CliRun.RunAsync("meter", "read", "--port", "/dev/ttyGONE0", "--profile", "sdm630");
        Assert.Equal(ExitCodes.PortUnavailable, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("/dev/ttyGONE0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentMeter_Exit3()
    {
        using var pty = new PseudoTerminal();
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.Silent = true;
        using var meter = new ModbusSlaveEmulator(pty, slave);
        var run = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "sdm630", "--timeout-ms", "50", "--retries", "1");
        Assert.Equal(ExitCodes.Timeout, run.ExitCode);
        Assert.Contains("no answer", run.Error, StringComparison.Ordinal);
        // The emulator thread may still be parsing the last retry when the deadline fires.
        for (var i = 0; i < 1000 && slave.Requests < 2; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(2, slave.Requests);
    }

    [Fact]
    public async Task GarbledAnswers_Exit5()
    {
        using var pty = new PseudoTerminal();
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.CorruptAnswers = 100;
        using var meter = new ModbusSlaveEmulator(pty, slave);
        // Every attempt gets a full (corrupted) answer, judged as soon as it is in; the timeout only bounds an emulator
        // thread that a loaded machine schedules late (at 100 ms the last attempt sometimes timed out: exit 3).
        var run = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "sdm630", "--timeout-ms", "5000");
        Assert.Equal(ExitCodes.CrcError, run.ExitCode);
        Assert.Contains("CRC", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModbusExceptionResponse_Exit6()
    {
        using var pty = new PseudoTerminal();
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.StrictAddresses = true;
        using var meter = new ModbusSlaveEmulator(pty, slave);
        var run = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "abb-b23", "--parity", "none");
        Assert.Equal(ExitCodes.ModbusException, run.ExitCode);
        Assert.Contains("IllegalDataAddress", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProfile_Exit2()
    {
        var run = await CliRun.RunAsync("meter", "read", "--port", "/dev/null", "--profile", "sdm9000");
        Assert.Equal(ExitCodes.BadProfile, run.ExitCode);
        Assert.Contains("known: abb-b23", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOption_Exit1()
    {
        var run = await CliRun.RunAsync("meter", "read", "--port", "/dev/null");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task EvenParity_TakesTheParityPath_WithFakeLink()
    {
        // Pseudo-terminals refuse parity, so this path runs on a fake ISerialLink: the options must reach the link and the master.
        var slave = MeterDump.Load("or-we-516").ToSlave();
        var factory = new RecordingSerialLinkFactory(slave.Respond);
        var services = new CliServices { Time = TimeProvider.System, SerialLinks = factory, ProfilesDirectory = null };

        var run = await CliRun.RunAsync(services, "meter", "read", "--port", "/dev/ttyRS485", "--profile", "or-we-516", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var options = Assert.Single(factory.Requested);
        Assert.Equal(SerialPortLinkParity.Even, options.Parity);
        Assert.Equal(11, options.BitsPerCharacter);
        Assert.Equal(9600, options.BaudRate);

        run = await CliRun.RunAsync(services, "meter", "read", "--port", "/dev/ttyRS485", "--profile", "or-we-516", "--parity", "odd", "--baud", "19200");
        Assert.Equal(SerialPortLinkParity.Odd, factory.Requested[^1].Parity);
        Assert.Equal(19200, factory.Requested[^1].BaudRate);
    }
}
