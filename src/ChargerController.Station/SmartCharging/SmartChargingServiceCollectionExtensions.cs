using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Evse;
using ChargerController.Station.Runtime;
using ChargerController.Station.SmartCharging.Limits;
using ChargerController.Station.SmartCharging.LoadBalancing;
using ChargerController.Station.SmartCharging.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.SmartCharging;

/// <summary>Registers smart charging (OCPP block K) and local load balancing.</summary>
public static class SmartChargingServiceCollectionExtensions
{
    /// <summary>The service key of the optional grid (site) meter <see cref="IEnergyMeter"/>.</summary>
    public const string GridMeterKey = "grid";

    /// <summary>
    /// Adds the smart-charging block: <see cref="SmartChargingModule"/> as <see cref="IStationModule"/> and
    /// <see cref="IChargingProfileInstaller"/>, the <see cref="ChargingLimitController"/>, one keyed
    /// <see cref="ICurrentLimitSource"/> per EVSE (key = evseId; hand it to that EVSE's controller and bind the
    /// controller with <see cref="SmartChargingEvseBinding"/>), and — when <see cref="SmartChargingOptions.GridMeter"/>
    /// is set and an <see cref="IEnergyMeter"/> is registered under <see cref="GridMeterKey"/> — the
    /// <see cref="GridMeterMonitor"/>. Profiles persist through an <see cref="IChargingProfileStore"/> (Storage's SQLite
    /// store; in memory when none is registered).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="options">Configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSmartCharging(this IServiceCollection services, SmartChargingOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStationTransactions, NoStationTransactions>();
        services.TryAddSingleton<IChargingProfileStore, InMemoryChargingProfileStore>();
        services.AddSingleton(options);
        services.AddSingleton(sp => new SmartChargingModule(
            options,
            sp.GetRequiredService<IChargingProfileStore>(),
            sp.GetRequiredService<IStationTransactions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<SmartChargingModule>());
        services.Replace(ServiceDescriptor.Singleton<IChargingProfileInstaller>(sp => sp.GetRequiredService<SmartChargingModule>()));
        services.AddSingleton(sp => sp.GetRequiredService<SmartChargingModule>().Limits);
        foreach (var evse in options.Evses)
        {
            var evseId = evse.EvseId;
            services.AddKeyedSingleton<ICurrentLimitSource>(evseId, (sp, _) => sp.GetRequiredService<ChargingLimitController>().LimitFor(evseId));
        }

        if (options.GridMeter is { } grid)
        {
            services.AddHostedService(sp => new GridMeterMonitor(
                sp.GetRequiredKeyedService<IEnergyMeter>(GridMeterKey),
                sp.GetRequiredService<ChargingLimitController>(),
                grid,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GridMeterMonitor>>()));
        }

        return services;
    }
}
