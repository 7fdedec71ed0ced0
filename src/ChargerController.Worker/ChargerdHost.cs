using System.Security.Cryptography;
using ChargerController.Control.Client;
using ChargerController.Hardware.Board;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Ports;
using ChargerController.Ocpp.Transport;
using ChargerController.Simulator.Csms;
using ChargerController.Station.Evse;
using ChargerController.Worker.Configuration;
using ChargerController.Worker.ControlSocket;
using ChargerController.Worker.Demo;
using ChargerController.Worker.Health;
using ChargerController.Worker.Logging;
using ChargerController.Worker.Memory;
using ChargerController.Worker.Ocpp;
using ChargerController.Worker.RealHardware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChargerController.Worker;

/// <summary>Builds and runs the generic host: configuration layering, validation, the real hardware (or the simulation), services.</summary>
internal static class ChargerdHost
{
    public static async Task<int> RunAsync(ChargerdInvocation invocation, TextWriter error, CancellationToken cancellationToken)
    {
        if (invocation.ConfigRequired && !File.Exists(invocation.ConfigPath))
        {
            await error.WriteLineAsync($"chargerd: configuration file '{invocation.ConfigPath}' not found").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath(invocation.ConfigPath), optional: !invocation.ConfigRequired, reloadOnChange: false)
            .AddEnvironmentVariables("CHARGERD_")
            .AddInMemoryCollection(invocation.Overrides)
            .Build();

        ChargerdOptions options;
        SmartChargingConfiguration smartCharging;
        try
        {
            options = configuration.GetSection(ChargerdOptions.Section).Get<ChargerdOptions>() ?? new ChargerdOptions();
            smartCharging = configuration.GetSection(SmartChargingConfiguration.Section).Get<SmartChargingConfiguration>() ?? new SmartChargingConfiguration();
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"chargerd: invalid configuration: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        if (options.Simulate && string.IsNullOrWhiteSpace(options.StationId))
        {
            // A simulated charger needs no provisioning: give it an identity so `chargerd --simulate` just runs.
            options.StationId = "CC-SIM-0001";
        }

        if (string.IsNullOrWhiteSpace(options.ControlSocket))
        {
            options.ControlSocket = options.Simulate
                ? ControlSocketPath.ForServer(Environment.GetEnvironmentVariable)
                : ControlSocketPath.ServiceDefault;
        }

        var validation = new ChargerdOptionsValidator().Validate(null, options);
        var smartChargingErrors = smartCharging.Validate().ToList();
        if (!options.Simulate && smartCharging.GridMeter.Enabled)
        {
            // Only the simulated grid meter is composed so far; failing here beats a container error at start.
            smartChargingErrors.Add("SmartCharging:GridMeter:Enabled: a real grid meter is not supported yet (use it with --simulate)");
        }

        if (validation.Failed || smartChargingErrors.Count > 0)
        {
            foreach (var failure in (validation.Failures ?? Enumerable.Empty<string>()).Concat(smartChargingErrors))
            {
                await error.WriteLineAsync("chargerd: " + failure).ConfigureAwait(false);
            }

            return ExitCodes.InvalidConfiguration;
        }

        if (options.Simulate)
        {
            return await RunResolvedAsync(invocation, options, smartCharging, configuration, error, hardware: null, cancellationToken).ConfigureAwait(false);
        }

        using var hardwareLogs = LoggerFactory.Create(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            JournalLogging.AddConsole(logging, Environment.GetEnvironmentVariable);
        });
        var (hardware, exitCode) = await RealHardwareOpener.OpenAsync(
            options, error, File.Exists, new LinuxBoardPorts(), new SerialPortLinkFactory(), new MeterProfileCatalog(), TimeProvider.System, hardwareLogs).ConfigureAwait(false);
        if (hardware is null)
        {
            return exitCode;
        }

        try
        {
            return await RunResolvedAsync(invocation, options, smartCharging, configuration, error, hardware, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // After the host: the EVSE loops have stopped, so nothing drives the outputs while they go safe.
            await hardware.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> RunResolvedAsync(ChargerdInvocation invocation, ChargerdOptions options, SmartChargingConfiguration smartCharging, IConfiguration configuration, TextWriter error, ChargerHardware? hardware, CancellationToken cancellationToken)
    {
        if (StateDirectory.Resolve(options, Environment.GetEnvironmentVariable, out var stateError) is { } stateDir)
        {
            options.StateDir = stateDir;
        }
        else
        {
            await error.WriteLineAsync("chargerd: " + stateError).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        var endpointErrors = new List<string>();
        var endpoint = CsmsEndpoint.Resolve(options, endpointErrors);
        if (endpoint is null)
        {
            foreach (var failure in endpointErrors)
            {
                await error.WriteLineAsync("chargerd: " + failure).ConfigureAwait(false);
            }

            return ExitCodes.InvalidConfiguration;
        }

        DevelopmentCsms? developmentCsms = null;
        if (options.Demo && endpoint.Url is null)
        {
            // No CSMS configured: the demo brings its own on loopback so the whole OCPP conversation is visible.
            developmentCsms = DevelopmentCsms.Start(new DevelopmentCsmsOptions { Narration = Console.Out }, TimeProvider.System, NullLoggerFactory.Instance);
            endpoint = new CsmsEndpoint(developmentCsms.Endpoint, SecurityProfile.UnsecuredTransportWithBasicAuthentication, RandomNumberGenerator.GetHexString(32), []);
        }

        try
        {
            return await RunHostAsync(options, smartCharging, invocation.ConfigPath, configuration, endpoint, developmentCsms, hardware, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (developmentCsms is not null)
            {
                await developmentCsms.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunHostAsync(ChargerdOptions options, SmartChargingConfiguration smartCharging, string configFile, IConfiguration configuration, CsmsEndpoint endpoint, DevelopmentCsms? developmentCsms, ChargerHardware? hardware, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = new ConfigurationManager(),
        });
        builder.Configuration.AddConfiguration(configuration);
        if (options.Demo)
        {
            // The demo narrates on stdout; routine Information logs would drown it (Logging:LogLevel in the file still wins).
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        JournalLogging.AddConsole(builder.Logging, Environment.GetEnvironmentVariable);
        builder.Services.AddSystemd();

        // Start the hosted services side by side: the OCPP runtime (BootNotification) need not wait for the control
        // socket and the EVSE loops to come up one after the other (docs/PERFORMANCE.md, "chargerd process").
        builder.Services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(new DemoCsms(developmentCsms?.Endpoint));
        builder.Services.AddSingleton<StationHealth>();
        builder.Services.AddSingleton(sp =>
        {
            var router = new ControlRequestRouter();
            foreach (var module in sp.GetServices<IControlCommandModule>())
            {
                module.Register(router);
            }

            return router;
        });
        builder.Services.AddSingleton<ISystemdNotifier>(sp => new SystemdNotifier());
        builder.Services.AddHostedService<SystemdWatchdogService>();
        builder.Services.AddHostedService(sp => new StartupMemoryTrimService(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            () => sp.GetRequiredService<IReadOnlyList<EvseController>>().Any(evse => evse.Snapshot.ContactorClosed)));
        builder.Services.AddHostedService<ControlSocketHostedService>();
        StationComposition.Add(builder.Services, options, configFile, endpoint, DeviceModelValues(configuration), hardware, smartCharging);

        using var host = builder.Build();
        var exit = host.Services.GetService<ExitRequest>();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return exit?.Code ?? ExitCodes.Ok;
    }

    /// <summary>
    /// Device-model initial values from the file's <c>DeviceModel</c> section, keyed like the storage keys
    /// (<c>"OCPPCommCtrlr/HeartbeatInterval": "300"</c>); a value the CSMS set later (stored) wins over the file.
    /// </summary>
    private static Dictionary<string, string> DeviceModelValues(IConfiguration configuration) =>
        configuration.GetSection("DeviceModel").GetChildren()
            .Where(c => c.Value is not null)
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
}
