using ChargerController.Station.Authorization;
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

    /// <summary>
    /// Shows messages in the EV driver's language (C01.FR.08/09, O01.FR.08): registers a <see cref="DriverLanguageTracker"/>
    /// as the <see cref="IDriverLanguageSource"/> and wraps the <see cref="IIdTokenAuthorizer"/> registered last in a
    /// <see cref="DriverLanguageAuthorizer"/> that feeds it. Call it after the authorization block is added and before
    /// anything resolves the authorizer.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IIdTokenAuthorizer"/> is registered yet.</exception>
    public static IServiceCollection AddDriverLanguages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IIdTokenAuthorizer) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Add the authorization block (IIdTokenAuthorizer) before AddDriverLanguages.");
        Func<IServiceProvider, IIdTokenAuthorizer> resolveInner;
        if (inner.ImplementationInstance is IIdTokenAuthorizer instance)
        {
            resolveInner = _ => instance;
        }
        else if (inner.ImplementationFactory is { } factory)
        {
            resolveInner = sp => (IIdTokenAuthorizer)factory(sp);
        }
        else
        {
            // Registered by type: keep that registration under its own type and resolve it from there.
            var type = inner.ImplementationType!;
            services.TryAdd(new ServiceDescriptor(type, type, inner.Lifetime));
            resolveInner = sp => (IIdTokenAuthorizer)sp.GetRequiredService(type);
        }

        services.Remove(inner);

        // The transaction block consumes the authorizer, so the tracker finds it only when the first token is presented.
        services.TryAddSingleton(sp => new DriverLanguageTracker(() => sp.GetService<IStationTransactions>()));
        services.TryAddSingleton<IDriverLanguageSource>(sp => sp.GetRequiredService<DriverLanguageTracker>());
        services.Add(new ServiceDescriptor(typeof(IIdTokenAuthorizer), sp => new DriverLanguageAuthorizer(resolveInner(sp), sp.GetRequiredService<DriverLanguageTracker>()), inner.Lifetime));
        return services;
    }
}
