using ChargerController.Control.Client;
using ChargerController.Worker.Configuration;
using ChargerController.Worker.ControlSocket;
using ChargerController.Worker.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargerController.Worker;

/// <summary>Builds and runs the generic host: configuration layering, validation, hardware presence check, services.</summary>
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
        try
        {
            options = configuration.GetSection(ChargerdOptions.Section).Get<ChargerdOptions>() ?? new ChargerdOptions();
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
        if (validation.Failed)
        {
            foreach (var failure in validation.Failures)
            {
                await error.WriteLineAsync("chargerd: " + failure).ConfigureAwait(false);
            }

            return ExitCodes.InvalidConfiguration;
        }

        if (!options.Simulate && !File.Exists(options.GpioChip))
        {
            await error.WriteLineAsync(
                $"chargerd: GPIO chip '{options.GpioChip}' not found: this machine has no charger hardware as configured. " +
                "Check Chargerd:GpioChip and the board profile, or run with --simulate to use simulated hardware.").ConfigureAwait(false);
            return ExitCodes.HardwareMissing;
        }

        if (!options.Simulate)
        {
            // The real drivers exist (Hardware/), but composing them from a board profile is not done yet: refuse rather
            // than run a service that drives nothing and answers no station command.
            await error.WriteLineAsync(
                "chargerd: driving real charger hardware is not composed yet (board profile pending); run with --simulate.").ConfigureAwait(false);
            return ExitCodes.HardwareMissing;
        }

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
        builder.Logging.AddConsole();
        builder.Services.AddSystemd();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(Options.Create(options));
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
        builder.Services.AddHostedService<ControlSocketHostedService>();
        StationComposition.Add(builder.Services, options);

        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
