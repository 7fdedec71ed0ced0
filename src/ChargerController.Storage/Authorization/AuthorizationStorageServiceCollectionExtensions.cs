using ChargerController.Station.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ChargerController.Storage.Authorization;

/// <summary>Registers the SQLite stores of the authorization block.</summary>
public static class AuthorizationStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteAuthorizationCacheStore"/> and <see cref="SqliteLocalAuthorizationListStore"/> on the
    /// registered <see cref="StationDatabase"/>. Call before <c>AddStationAuthorization</c> (which only adds volatile stores when
    /// none are registered).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSqliteAuthorizationStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IAuthorizationCacheStore>(sp => new SqliteAuthorizationCacheStore(sp.GetRequiredService<StationDatabase>()));
        services.AddSingleton<ILocalAuthorizationListStore>(sp => new SqliteLocalAuthorizationListStore(sp.GetRequiredService<StationDatabase>()));
        return services;
    }
}
