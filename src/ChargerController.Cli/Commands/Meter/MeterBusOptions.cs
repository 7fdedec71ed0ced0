using System.CommandLine;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;

namespace ChargerController.Cli.Commands.Meter;

/// <summary>The line and Modbus options shared by the meter verbs, and opening the bus from them.</summary>
public sealed class MeterBusOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="defaultsFrom">Where baud/parity defaults come from, for help.</param>
    /// <param name="defaultTimeoutMs">Default response timeout.</param>
    /// <param name="defaultRetries">Default retries.</param>
    public MeterBusOptions(string defaultsFrom, int defaultTimeoutMs, int defaultRetries)
    {
        Baud = SerialOptions.Baud(defaultsFrom);
        Parity = SerialOptions.Parity(defaultsFrom);
        TimeoutMs = new Option<int>("--timeout-ms") { Description = "Response timeout per request, milliseconds", DefaultValueFactory = _ => defaultTimeoutMs };
        Retries = new Option<int>("--retries") { Description = "Retries after a timeout or CRC error", DefaultValueFactory = _ => defaultRetries };
        ProfilesDir = new Option<string?>("--profiles-dir") { Description = $"Directory of extra/override meter profiles (default {MeterProfileCatalog.DefaultOverrideDirectory})" };
    }

    /// <summary><c>--port</c>.</summary>
    public Option<string> Port { get; } = SerialOptions.Port();

    /// <summary><c>--baud</c>.</summary>
    public Option<int?> Baud { get; }

    /// <summary><c>--parity</c>.</summary>
    public Option<string?> Parity { get; }

    /// <summary><c>--timeout-ms</c>.</summary>
    public Option<int> TimeoutMs { get; }

    /// <summary><c>--retries</c>.</summary>
    public Option<int> Retries { get; }

    /// <summary><c>--profiles-dir</c>.</summary>
    public Option<string?> ProfilesDir { get; }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The verb.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Port);
        command.Options.Add(Baud);
        command.Options.Add(Parity);
        command.Options.Add(TimeoutMs);
        command.Options.Add(Retries);
        command.Options.Add(ProfilesDir);
    }

    /// <summary>Loads the profile catalog.</summary>
    /// <param name="parseResult">Parsed options.</param>
    /// <param name="services">Shared services.</param>
    /// <returns>The catalog.</returns>
    public MeterProfileCatalog Catalog(ParseResult parseResult, CliServices services)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(services);
        return new MeterProfileCatalog(parseResult.GetValue(ProfilesDir) ?? services.ProfilesDirectory);
    }

    /// <summary>Opens the port and the bus.</summary>
    /// <param name="parseResult">Parsed options.</param>
    /// <param name="services">Shared services.</param>
    /// <param name="defaults">Line defaults when no option overrides them.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The bus, owning the link.</returns>
    /// <exception cref="SerialPortLinkException">The port cannot be opened.</exception>
    public async Task<Rs485Bus> OpenAsync(ParseResult parseResult, CliServices services, MeterSerialDefaults defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(defaults);
        var lineOptions = new SerialPortLinkOptions
        {
            PortName = parseResult.GetRequiredValue(Port),
            BaudRate = parseResult.GetValue(Baud) ?? defaults.BaudRate,
            Parity = SerialOptions.ToParity(parseResult.GetValue(Parity), defaults.Parity),
            StopBits = defaults.StopBits,
        };
        var link = services.SerialLinks.Create(lineOptions);
        try
        {
            await link.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var modbus = new ModbusRtuMasterOptions
        {
            ResponseTimeout = TimeSpan.FromMilliseconds(Math.Clamp(parseResult.GetValue(TimeoutMs), 10, 60_000)),
            Retries = Math.Clamp(parseResult.GetValue(Retries), 0, 10),
            BaudRate = lineOptions.BaudRate,
            BitsPerCharacter = lineOptions.BitsPerCharacter,
        };
        return new Rs485Bus(link, modbus, services.Time, ownsLink: true);
    }
}
