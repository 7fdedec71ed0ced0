using System.Text.Json;
using ChargerController.Cli;
using ChargerController.Cli.Output;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Tests.Modbus;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Cli;

public sealed class CliMiscTests
{
    [Fact]
    public async Task MeterRead_ProfileAddedFromTemplate_WorksWithoutCode()
    {
        var dir = Directory.CreateTempSubdirectory("cc-meters-").FullName;
        try
        {
            // A field tech copies template.json, renames it, and maps a meter that keeps its registers elsewhere.
            var json = File.ReadAllText(Path.Combine(RepoPaths.Root, "hardware", "meters", "template.json"))
                .Replace("\"name\": \"my-meter\"", "\"name\": \"bench-meter\"", StringComparison.Ordinal)
                .Replace("\"energyImport\": { \"address\": 72", "\"energyImport\": { \"address\": 300", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "bench-meter.json"), json);
            var profile = new MeterProfileCatalog(dir).Get("bench-meter");
            var slave = new ModbusSlaveLogic(5);
            foreach (var register in profile.Registers.Values)
            {
                var value = register.Quantity == MeterQuantity.EnergyImport ? 777.0 : 230.0;
                slave.Load(register.FunctionCode, register.Address, MeterRegisterDecoder.Encode(value, register.Type, register.WordOrder));
            }

            using var pty = new PseudoTerminal();
            using var emulator = new ModbusSlaveEmulator(pty, slave);
            var run = await CliRun.RunAsync("meter", "read", "--port", pty.SlavePath, "--profile", "bench-meter", "--address", "5", "--profiles-dir", dir, "--json");

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            using var document = JsonDocument.Parse(run.Output);
            Assert.Equal(777000, document.RootElement.GetProperty("energyImportWh").GetDouble());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task CtrlC_WhileWatching_Exit130()
    {
        using var pty = new PseudoTerminal();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var services = new CliServices { Time = TimeProvider.System, SerialLinks = new SerialPortLinkFactory(), ProfilesDirectory = null };
        var code = await CliApplication.RunAsync(["rfid", "watch", "--port", pty.SlavePath, "--reader", "rdm6300"], services, output, error, cts.Token).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("interrupted", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeterRead_PortPulledMidRead_Exit4()
    {
        var link = new FakeSerialLink();
        link.Responder = _ =>
        {
            link.Vanished = true;
            return null;
        };
        var factory = new SingleLinkFactory(link);
        var services = new CliServices { Time = TimeProvider.System, SerialLinks = factory, ProfilesDirectory = null };
        var run = await CliRun.RunAsync(services, "meter", "read", "--port", "/dev/ttyUSB9", "--profile", "sdm120");
        Assert.Equal(ExitCodes.PortUnavailable, run.ExitCode);
        Assert.Contains("vanished", run.Error, StringComparison.Ordinal);
    }

    private sealed class SingleLinkFactory(ISerialLink link) : ISerialLinkFactory
    {
        public ISerialLink Create(SerialPortLinkOptions options) => link;
    }
}
