using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Authorization;

/// <summary>Registers the authorization block (C/D) for the Worker.</summary>
public static class AuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AuthorizationService"/> as <see cref="IIdTokenAuthorizer"/> and <see cref="IStationModule"/>. The
    /// cache and local list are volatile unless durable stores were registered first (Storage's
    /// <c>AddSqliteAuthorizationStores</c>). Needs the <see cref="StationDeviceModel"/> of <c>AddChargingStation</c>.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStationAuthorization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuthorizationCacheStore, InMemoryAuthorizationCacheStore>();
        services.TryAddSingleton<ILocalAuthorizationListStore, InMemoryLocalAuthorizationListStore>();
        services.TryAddSingleton(sp => new AuthorizationService(
            sp.GetRequiredService<StationDeviceModel>(),
            sp.GetRequiredService<IAuthorizationCacheStore>(),
            sp.GetRequiredService<ILocalAuthorizationListStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IIdTokenAuthorizer>(sp => sp.GetRequiredService<AuthorizationService>());
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<AuthorizationService>());
        return services;
    }
}
