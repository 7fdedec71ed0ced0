using ChargerController.Station.Evse;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.Monitoring;

/// <summary>Registers the monitoring block for the Worker.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Adds the monitoring block as an <see cref="IStationModule"/>. Monitors persist through the registered
    /// <see cref="IMonitorStore"/> (Storage's SQLite store in production; in-memory when none is registered). EVSE faults
    /// reach the hard-wired monitors through an <see cref="IEvseEventFeed"/>, or the registered
    /// <c>IReadOnlyList&lt;EvseController&gt;</c> when no feed is registered.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IMonitorStore, InMemoryMonitorStore>();
        services.TryAddSingleton<IEvseEventFeed>(sp => new EvseControllerEventFeed(sp.GetService<IReadOnlyList<EvseController>>() ?? []));
        services.AddSingleton(sp => new MonitoringModule(sp.GetRequiredService<IMonitorStore>(), sp.GetRequiredService<IEvseEventFeed>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<MonitoringModule>());
        return services;
    }
}
