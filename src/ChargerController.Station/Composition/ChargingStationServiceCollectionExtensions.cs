using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.Availability;
using ChargerController.Station.DataTransfer;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Provisioning;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Composition;

/// <summary>Registers the OCPP side of the station (device model, runtime, block handlers) for the Worker.</summary>
public static class ChargingStationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the charging-station core. The caller must also register an <see cref="IConnectorStatusSource"/> (e.g.
    /// <see cref="EvseConnectorStatusSource"/>), an <see cref="IResetPort"/> and, for persistence, an
    /// <see cref="IDeviceModelStore"/> (Storage's SQLite store) and an <see cref="IOutboundQueue"/>; optional:
    /// <see cref="IStationTransactions"/>, <see cref="IDataTransferVendorHandler"/>s, <see cref="ITriggeredMessageSource"/>s, <see cref="IStationModule"/>s (the functional blocks),
    /// <see cref="IEvseResetPort"/> (Reset of one EVSE; without it such a Reset is Rejected),
    /// <see cref="StationRuntimeOptions"/> (boot reason).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="identity">Station identity.</param>
    /// <param name="transportFactory">Creates the CSMS transport (WebSocket with the active network profile).</param>
    /// <param name="configuredValues">Device-model initial values from the configuration file (storage key → value).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddChargingStation(this IServiceCollection services, StationIdentity identity, Func<IServiceProvider, IOcppTransport> transportFactory, IReadOnlyDictionary<string, string>? configuredValues = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(transportFactory);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeviceModelStore, InMemoryDeviceModelStore>();
        services.TryAddSingleton<IStationTransactions, NoStationTransactions>();
        services.TryAddSingleton(new StationRuntimeOptions());
        services.AddSingleton(identity);
        services.AddSingleton(sp => new StationDeviceModel(DeviceModelCatalog.Create(identity), sp.GetRequiredService<IDeviceModelStore>(), configuredValues));
        services.AddSingleton(sp => new StationRuntime(
            transportFactory(sp),
            sp.GetRequiredService<StationDeviceModel>(),
            identity,
            new StationPorts
            {
                Connectors = sp.GetRequiredService<IConnectorStatusSource>(),
                Reset = sp.GetRequiredService<IResetPort>(),
                Transactions = sp.GetRequiredService<IStationTransactions>(),
                OutboundQueue = sp.GetService<IOutboundQueue>(),
                Vendors = [.. sp.GetServices<IDataTransferVendorHandler>()],
                TriggerSources = [.. sp.GetServices<ITriggeredMessageSource>()],
                Modules = [.. sp.GetServices<IStationModule>()],
                EvseReset = sp.GetService<IEvseResetPort>(),
            },
            sp.GetRequiredService<StationRuntimeOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IOcppStatusSource>(sp => sp.GetRequiredService<StationRuntime>());
        services.AddHostedService<OcppRuntimeHostedService>();
        return services;
    }
}
