using ChargerController.Station.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using ChargerController.Storage;
using ChargerController.Storage.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Authorization;

/// <summary>DI registration of the authorization block.</summary>
public sealed class AddStationAuthorizationTests
{
    [Fact]
    public void AddAuthorization_OneServiceBehindBothSeams_InMemoryStoresByDefault()
    {
        using var provider = Services().AddStationAuthorization().BuildServiceProvider();
        var authorizer = provider.GetRequiredService<IIdTokenAuthorizer>();
        Assert.Same(authorizer, Assert.Single(provider.GetServices<IStationModule>()));
        Assert.IsType<InMemoryAuthorizationCacheStore>(provider.GetRequiredService<IAuthorizationCacheStore>());
    }

    [Fact]
    public void AddSqliteAuthorizationStores_BeforeAddAuthorization_StoresAreDurable()
    {
        var directory = Directory.CreateTempSubdirectory("cc-auth-di-").FullName;
        try
        {
            var services = Services();
            services.AddSingleton(new StationDatabase(Path.Combine(directory, StationDatabase.FileName)));
            using var provider = services.AddSqliteAuthorizationStores().AddStationAuthorization().BuildServiceProvider();
            Assert.IsType<SqliteAuthorizationCacheStore>(provider.GetRequiredService<IAuthorizationCacheStore>());
            Assert.IsType<SqliteLocalAuthorizationListStore>(provider.GetRequiredService<ILocalAuthorizationListStore>());
            Assert.Equal(0, provider.GetRequiredService<AuthorizationService>().LocalList.Version);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(new StationDeviceModel(DeviceModelCatalog.Create(new StationIdentity()), new InMemoryDeviceModelStore()));
        return services;
    }
}
