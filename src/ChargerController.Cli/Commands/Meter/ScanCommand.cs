using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChargerController.Cli.Output;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;

namespace ChargerController.Cli.Commands.Meter;

/// <summary><c>chargerctl meter scan --port TTY [--baud N]</c>: which addresses answer, and which profile fits each.</summary>
public static class ScanCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="services">Shared services.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliServices services)
    {
        var bus = new MeterBusOptions("9600 8N1", 150, 0);
        var from = new Option<int>("--from") { Description = "First address to probe", DefaultValueFactory = _ => 1 };
        var to = new Option<int>("--to") { Description = "Last address to probe", DefaultValueFactory = _ => 247 };
        var json = SerialOptions.Json();
        var command = new Command("scan", "Find which Modbus addresses answer and which meter profile fits");
        bus.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async (output, error, ct) =>
            {
                var first = parseResult.GetValue(from);
                var last = parseResult.GetValue(to);
                if (first is < 1 or > 247 || last is < 1 or > 247 || first > last)
                {
                    return CliError.Report(error, ExitCodes.Usage, "--from/--to must be 1–247 with from ≤ to");
                }

                var catalog = bus.Catalog(parseResult, services);
                var profiles = catalog.Names.Select(catalog.Get).ToList();
                var modbus = await bus.OpenAsync(parseResult, services, new MeterSerialDefaults(9600, SerialPortLinkParity.None, 1, 1), ct).ConfigureAwait(false);
                await using (modbus.ConfigureAwait(false))
                {
                    var found = new List<MeterScanJson>();
                    for (var address = first; address <= last; address++)
                    {
                        if (!await AnswersAsync(modbus, (byte)address, ct).ConfigureAwait(false))
                        {
                            continue;
                        }

                        var fits = await MatchAsync(modbus, profiles, (byte)address, services.Time, ct).ConfigureAwait(false);
                        found.Add(new MeterScanJson { Address = address, Profiles = fits });
                        if (!parseResult.GetValue(json))
                        {
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"address {address,3}: answers; fits: {(fits.Count == 0 ? "no known profile" : string.Join(", ", fits))}"));
                        }
                    }

                    if (parseResult.GetValue(json))
                    {
                        output.WriteLine(JsonSerializer.Serialize(found, CliJsonContext.Default.ListMeterScanJson));
                    }

                    return found.Count > 0
                        ? ExitCodes.Success
                        : CliError.Report(error, ExitCodes.Timeout, string.Create(CultureInfo.InvariantCulture, $"no device answered on {modbus.PortName} at addresses {first}–{last}"));
                }
            },
            cancellationToken));
        return command;
    }

    private static async Task<bool> AnswersAsync(Rs485Bus modbus, byte address, CancellationToken cancellationToken)
    {
        try
        {
            await modbus.ReadRegistersAsync(address, ModbusFunctionCode.ReadInputRegisters, 0, 2, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ModbusException ex) when (ex.Kind == ModbusErrorKind.SlaveException)
        {
            // An exception response is still an answer: something lives at this address.
            return true;
        }
        catch (ModbusException ex) when (ex.Kind is ModbusErrorKind.Timeout or ModbusErrorKind.CrcError or ModbusErrorKind.InvalidResponse)
        {
            return false;
        }
    }

    private static async Task<List<string>> MatchAsync(Rs485Bus modbus, List<MeterProfile> profiles, byte address, TimeProvider time, CancellationToken cancellationToken)
    {
        var fits = new List<(string Name, int Quantities)>();
        foreach (var profile in profiles)
        {
            try
            {
                var reading = await new ModbusEnergyMeter(modbus, profile, address, time).ReadAsync(cancellationToken).ConfigureAwait(false);
                if (IsPlausible(reading))
                {
                    fits.Add((profile.Name, profile.Registers.Count));
                }
            }
            catch (MeterReadException ex) when (ex.Fault != MeterFault.PortUnavailable)
            {
                // This profile's registers do not exist or decode to nonsense on this device.
            }
        }

        // The profile that explains most of the device's registers first (sdm630 before sdm72d on an SDM630).
        return [.. fits.OrderByDescending(f => f.Quantities).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Name)];
    }

    private static bool IsPlausible(MeterReading reading) =>
        reading.VoltageV.All(v => v is >= 0 and <= 300)
        && (reading.VoltageV.Count == 0 || reading.VoltageV.Any(v => v >= 80))
        && reading.CurrentA.All(a => a is >= -1 and <= 1000)
        && Math.Abs(reading.TotalPowerW) <= 1_000_000
        && reading.FrequencyHz is null or (>= 45 and <= 65);
}
