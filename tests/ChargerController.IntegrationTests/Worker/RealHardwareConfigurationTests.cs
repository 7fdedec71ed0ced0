using ChargerController.Hardware.Board;
using ChargerController.Hardware.Ports;
using ChargerController.IntegrationTests.Architecture;
using ChargerController.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>The real-hardware keys of the shipped example configuration bind as deploy/config/README.md documents them.</summary>
public sealed class RealHardwareConfigurationTests
{
    [Fact]
    public void ExampleConfiguration_BindsBoardMeterAndReader()
    {
        var options = Bind(Path.Combine(RepositoryLayout.Root, "deploy", "config", "chargercontroller.example.json"), []);

        Assert.Equal("/etc/chargercontroller/board.json", options.BoardProfile);
        Assert.Equal(("/dev/charger-meter", "sdm630", 1), (options.Meter!.Port, options.Meter.Profile, options.Meter.SlaveAddress));
        Assert.Null(options.Meter.BaudRate);
        Assert.Equal(("/dev/charger-rfid", RfidReaderKind.Rdm6300), (options.Rfid!.Port, options.Rfid.Reader));
    }

    [Fact]
    public void EnvironmentStyleOverrides_ReachTheMeterLineSettingsAndReaderType()
    {
        var options = Bind(
            Path.Combine(RepositoryLayout.Root, "deploy", "config", "chargercontroller.example.json"),
            new Dictionary<string, string?>
            {
                ["Chargerd:Meter:BaudRate"] = "19200",
                ["Chargerd:Meter:Parity"] = "Even",
                ["Chargerd:Rfid:Reader"] = "Pn532",
            });

        Assert.Equal((19200, SerialPortLinkParity.Even), (options.Meter!.BaudRate, options.Meter.Parity));
        Assert.Equal(RfidReaderKind.Pn532, options.Rfid!.Reader);
    }

    [Fact]
    public void NoMeterOrReaderSection_MeansNone()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("chargerd").FullName, "c.json");
        File.WriteAllText(file, """{ "Chargerd": { "StationId": "CC-1" } }""");

        var options = Bind(file, []);

        Assert.Null(options.Meter);
        Assert.Null(options.Rfid);
        Assert.Equal("/etc/chargercontroller/board.json", options.BoardProfile);
    }

    private static ChargerdOptions Bind(string file, Dictionary<string, string?> overrides) =>
        new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection(overrides).Build()
            .GetSection(ChargerdOptions.Section).Get<ChargerdOptions>()!;
}
