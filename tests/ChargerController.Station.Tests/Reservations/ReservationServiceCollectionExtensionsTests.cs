using ChargerController.Station.Availability;
using ChargerController.Station.Reservations;
using ChargerController.Station.Runtime;
using ChargerController.Station.Tests.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace ChargerController.Station.Tests.Reservations;

/// <summary>AddReservations registers one manager as module and gate.</summary>
public sealed class ReservationServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddReservations_ReplacesNoReservations_OneManagerAsModuleAndGate()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IReservationGate, NoReservations>();
        services.AddSingleton<IConnectorStatusSource>(new FakeConnectors(1));
        var store = new InMemoryReservationStore();
        services.AddReservations(_ => store);
        await using var provider = services.BuildServiceProvider();

        var manager = provider.GetRequiredService<ReservationManager>();
        Assert.Same(manager, provider.GetRequiredService<IReservationGate>());
        Assert.Same(manager, Assert.Single(provider.GetServices<IStationModule>()));
        Assert.Same(store, provider.GetRequiredService<IReservationStore>());
        Assert.IsType<NoStationTransactions>(provider.GetRequiredService<IStationTransactions>());
    }

    [Fact]
    public async Task AddReservations_NoStore_InMemoryFallback()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectorStatusSource>(new FakeConnectors(1));
        services.AddReservations();
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<InMemoryReservationStore>(provider.GetRequiredService<IReservationStore>());
    }
}
