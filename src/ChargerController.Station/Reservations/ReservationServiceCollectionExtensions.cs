using ChargerController.Station.Availability;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargerController.Station.Reservations;

/// <summary>Registers the reservation block (H) for the Worker.</summary>
public static class ReservationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="ReservationManager"/> as <see cref="IStationModule"/> and as the <see cref="IReservationGate"/>
    /// (replacing <see cref="NoReservations"/>). Needs an <see cref="IConnectorStatusSource"/>; uses the registered
    /// <see cref="IStationTransactions"/> when there is one.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="store">Creates the durable store (Storage's <c>SqliteReservationStore</c> in production); null keeps a registered
    /// <see cref="IReservationStore"/> or falls back to <see cref="InMemoryReservationStore"/> (reservations then end with the process).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddReservations(this IServiceCollection services, Func<IServiceProvider, IReservationStore>? store = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (store is not null)
        {
            services.RemoveAll<IReservationStore>();
            services.AddSingleton(store);
        }
        else
        {
            services.TryAddSingleton<IReservationStore, InMemoryReservationStore>();
        }

        services.TryAddSingleton<IStationTransactions, NoStationTransactions>();
        services.AddSingleton(sp => new ReservationManager(
            sp.GetRequiredService<IReservationStore>(),
            sp.GetRequiredService<IConnectorStatusSource>(),
            sp.GetRequiredService<IStationTransactions>()));
        services.RemoveAll<IReservationGate>();
        services.AddSingleton<IReservationGate>(sp => sp.GetRequiredService<ReservationManager>());
        services.AddSingleton<IStationModule>(sp => sp.GetRequiredService<ReservationManager>());
        return services;
    }
}
