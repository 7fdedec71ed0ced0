using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Diagnostics.LogUpload;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.Diagnostics.DataCollector;

/// <summary>Registers the DataCollector (Part 2 §2.18.8) and its log for GetLog DataCollectorLog (N01.FR.24).</summary>
public static class DataCollectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DataCollectorLog"/> as an <see cref="IStationModule"/> and an <see cref="ILogSource"/>, sampling the
    /// EVSE meters registered as <c>IReadOnlyDictionary&lt;int, IEnergyMeter&gt;</c>. Call <c>AddLogUpload</c> too.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDataCollectorLog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DataCollectorLog(sp.GetRequiredService<IReadOnlyDictionary<int, IEnergyMeter>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<DataCollectorLog>());
        services.AddSingleton<ILogSource>(sp => sp.GetRequiredService<DataCollectorLog>());
        return services;
    }
}
