using ChargerController.Station.Availability;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.DisplayMessages;

/// <summary>Registers the display message block (O) for the Worker.</summary>
public static class DisplayMessageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="DisplayMessageModule"/> as <see cref="IStationModule"/>, <see cref="CurrentDisplayMessage"/> as
    /// an <see cref="IDisplayMessageSink"/> (what <c>chargerctl status</c> shows) and, unless one is registered, the
    /// <see cref="ConnectorDisplayStateSource"/>. Needs an <see cref="IConnectorStatusSource"/>; uses the registered
    /// <see cref="IStationTransactions"/>, every <see cref="IDisplayMessageSink"/> and an optional <see cref="IDriverLanguageSource"/>.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="store">Creates the durable store (Storage's <c>SqliteDisplayMessageStore</c> in production); null keeps a
    /// registered <see cref="IDisplayMessageStore"/> or falls back to <see cref="InMemoryDisplayMessageStore"/>.</param>
    /// <param name="options">Tuning, or the defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDisplayMessages(this IServiceCollection services, Func<IServiceProvider, IDisplayMessageStore>? store = null, DisplayMessageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (store is not null)
        {
            services.RemoveAll<IDisplayMessageStore>();
            services.AddSingleton(store);
        }
        else
        {
            services.TryAddSingleton<IDisplayMessageStore, InMemoryDisplayMessageStore>();
        }

        services.TryAddSingleton<IStationTransactions, NoStationTransactions>();
        services.TryAddSingleton<IDisplayStateSource>(sp => new ConnectorDisplayStateSource(
            sp.GetRequiredService<IConnectorStatusSource>(), sp.GetRequiredService<IStationTransactions>()));
        services.AddSingleton<CurrentDisplayMessage>();
        services.AddSingleton<IDisplayMessageSink>(sp => sp.GetRequiredService<CurrentDisplayMessage>());
        services.AddSingleton(sp => new DisplayMessageModule(
            new DisplayMessageBook(sp.GetRequiredService<IDisplayMessageStore>()),
            sp.GetRequiredService<IDisplayStateSource>(),
            sp.GetServices<IDisplayMessageSink>(),
            options,
            sp.GetService<IDriverLanguageSource>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<DisplayMessageModule>());
        return services;
    }
}
