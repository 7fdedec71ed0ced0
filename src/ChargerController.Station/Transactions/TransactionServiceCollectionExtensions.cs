using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Authorization;
using ChargerController.Station.Evse;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Reservations;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using ChargerController.Station.SmartCharging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.Transactions;

/// <summary>Registers the transaction block (E, F01-F05, J) in DI.</summary>
public static class TransactionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="TransactionManager"/> as <see cref="IStationModule"/>, <see cref="IStationTransactions"/> and a
    /// TriggerMessage source. Needs from DI: <c>IReadOnlyList&lt;EvseController&gt;</c>, <c>IReadOnlyDictionary&lt;int, IEnergyMeter&gt;</c>,
    /// <see cref="SessionCoordinator"/> and <see cref="TimeProvider"/>; uses when registered (else a default):
    /// <see cref="ITransactionJournal"/> (register Storage's SqliteTransactionJournal before; in-memory otherwise),
    /// <see cref="IIdTokenAuthorizer"/> (accept all), <see cref="IReservationGate"/> (none), <see cref="IChargingProfileInstaller"/> (none).
    /// Call it before <c>AddChargingStation</c> so its <see cref="IStationTransactions"/> wins over the placeholder.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">Host facts; <see langword="null"/> for defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTransactions(this IServiceCollection services, TransactionManagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ITransactionJournal, InMemoryTransactionJournal>();
        services.TryAddSingleton<IIdTokenAuthorizer, AcceptAllIdTokenAuthorizer>();
        services.TryAddSingleton<IReservationGate, NoReservations>();
        services.AddSingleton(sp => new TransactionManager(
            sp.GetRequiredService<IReadOnlyList<EvseController>>(),
            sp.GetRequiredService<IReadOnlyDictionary<int, IEnergyMeter>>(),
            sp.GetRequiredService<SessionCoordinator>(),
            sp.GetRequiredService<ITransactionJournal>(),
            sp.GetRequiredService<IIdTokenAuthorizer>(),
            sp.GetRequiredService<IReservationGate>(),
            new DeferredChargingProfileInstaller(sp),
            options ?? new TransactionManagerOptions(),
            sp.GetRequiredService<TimeProvider>(),

            // Resolved when a cost limit is checked, not now: the tariff block itself needs the transaction block.
            () => sp.GetService<Tariffs.ITransactionCostSource>()));
        services.Replace(ServiceDescriptor.Singleton<IStationTransactions>(sp => sp.GetRequiredService<TransactionManager>()));
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<TransactionManager>());
        services.AddSingleton<ITriggeredMessageSource>(sp => new TransactionTriggerSource(sp.GetRequiredService<TransactionManager>()));
        return services;
    }
}
