using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Authorization;
using ChargerController.Station.DisplayMessages;
using ChargerController.Station.Evse;
using ChargerController.Station.Reservations;
using ChargerController.Station.Runtime;
using ChargerController.Station.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.Tariffs;

/// <summary>Registers the tariff and cost block (I) in DI.</summary>
public static class TariffServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="TariffModule"/> as <see cref="IStationModule"/> and <see cref="ITransactionCostSource"/>, and
    /// wraps the registered <see cref="IIdTokenAuthorizer"/> in a <see cref="TariffAuthorizer"/> (driver tariffs, I08).
    /// Call it after <c>AddAuthorization</c>/<c>AddTransactions</c>. Uses from DI: <c>IReadOnlyList&lt;EvseController&gt;</c>,
    /// <c>IReadOnlyDictionary&lt;int, IEnergyMeter&gt;</c>, <see cref="TransactionManager"/> (optional), the
    /// <see cref="IDisplayMessageSink"/>s and <see cref="DisplayMessageModule"/> (optional), <see cref="ITariffStore"/>
    /// (Storage's SqliteTariffStore in production; in memory otherwise).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">Host facts, or the defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTariffs(this IServiceCollection services, TariffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ITariffStore, InMemoryTariffStore>();

        // Reservation costs (I12.FR.07) need the time each ReserveNow was accepted: the reservation block's store is
        // wrapped (call after AddReservations); without a reservation block there is nothing to bill.
        var reservationStore = services.LastOrDefault(d => d.ServiceType == typeof(IReservationStore));
        if (reservationStore is not null)
        {
            services.Remove(reservationStore);
            services.AddSingleton(sp => new ReservationReceiptStore(ResolveStore(sp, reservationStore), sp.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddSingleton<IReservationStore>(sp => sp.GetRequiredService<ReservationReceiptStore>());
        }

        services.AddSingleton(sp => new TariffModule(
            new DefaultTariffBook(sp.GetRequiredService<ITariffStore>()),
            sp.GetRequiredService<ITariffStore>(),
            sp.GetRequiredService<IReadOnlyDictionary<int, IEnergyMeter>>(),
            sp.GetRequiredService<IReadOnlyList<EvseController>>(),
            () => sp.GetService<TransactionManager>(),
            new TariffDisplay(() => sp.GetServices<IDisplayMessageSink>(), () => sp.GetService<DisplayMessageModule>()),
            options,
            sp.GetService<ReservationReceiptStore>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<TariffModule>());
        services.AddSingleton<ITransactionCostSource>(sp => sp.GetRequiredService<TariffModule>());

        // The authorizer the rest of the station asks is the wrapped one (C01 decisions stay the authorization block's).
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IIdTokenAuthorizer));
        if (inner is not null)
        {
            services.Remove(inner);
            services.AddSingleton<IIdTokenAuthorizer>(sp => new TariffAuthorizer(Resolve(sp, inner), sp.GetRequiredService<TariffModule>()));
        }

        return services;
    }

    private static IReservationStore ResolveStore(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IReservationStore
        ?? descriptor.ImplementationFactory?.Invoke(sp) as IReservationStore
        ?? (IReservationStore)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);

    private static IIdTokenAuthorizer Resolve(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IIdTokenAuthorizer
        ?? descriptor.ImplementationFactory?.Invoke(sp) as IIdTokenAuthorizer
        ?? (IIdTokenAuthorizer)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
