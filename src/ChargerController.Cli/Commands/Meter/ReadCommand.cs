using System.CommandLine;
using ChargerController.Cli.Output;
using ChargerController.Hardware.Meters;

namespace ChargerController.Cli.Commands.Meter;

/// <summary><c>chargerctl meter read --port TTY --profile NAME [--address N] [--baud N] [--parity P] [--json]</c>: one snapshot.</summary>
public static class ReadCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var bus = new MeterBusOptions("the profile's factory setting", 500, 2);
        var profile = new Option<string>("--profile") { Description = "Meter profile: sdm630, sdm120, sdm72d, sdm72d-m2, abb-b23, em340, or-we-516, or one from the profiles directory", Required = true };
        var address = new Option<int?>("--address", "-a") { Description = "Modbus address 1–247 (default: the profile's factory setting)" };
        var json = SerialOptions.Json();
        var command = new Command("read", "Read one snapshot from an energy meter");
        bus.AddTo(command);
        command.Options.Add(profile);
        command.Options.Add(address);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async (output, error, ct) =>
            {
                var meterProfile = bus.Catalog(parseResult, services).Get(parseResult.GetRequiredValue(profile));
                var slave = parseResult.GetValue(address) ?? meterProfile.SerialDefaults.SlaveAddress;
                if (slave is < 1 or > 247)
                {
                    return CliError.Report(error, ExitCodes.Usage, $"--address must be 1–247 (got {slave})");
                }

                var modbus = await bus.OpenAsync(parseResult, services, meterProfile.SerialDefaults, ct).ConfigureAwait(false);
                await using (modbus.ConfigureAwait(false))
                {
                    var meter = new ModbusEnergyMeter(modbus, meterProfile, (byte)slave, services.Time);
                    var reading = await meter.ReadAsync(ct).ConfigureAwait(false);
                    MeterReadingRenderer.Write(output, reading, meterProfile, modbus.PortName, (byte)slave, parseResult.GetValue(json));
                    return ExitCodes.Success;
                }
            },
            cancellationToken));
        return command;
    }
}
