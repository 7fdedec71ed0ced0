using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Transport;
using ChargerController.Simulator.Devices;
using ChargerController.Station.Availability;
using ChargerController.Station.Composition;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse;
using ChargerController.Station.Provisioning;
using ChargerController.Station.RemoteControl;
using ChargerController.Station.Runtime;
using ChargerController.Station.Sessions;
using ChargerController.Station.Transactions;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>The DI extension the integrator calls wires the transaction block into the runtime.</summary>
public sealed class AddTransactionsTests
{
    [Fact]
    public async Task AddTransactions_WithAddChargingStation_ModuleAttached_SessionProducesTransactionEvents()
    {
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef" });
        csms.Respond("BootNotification", """{"currentTime":"2025-01-01T12:00:00Z","interval":300,"status":"Accepted"}""");
        foreach (var action in new[] { "StatusNotification", "SecurityEventNotification", "TransactionEvent", "MeterValues" })
        {
            csms.Respond(action, "{}");
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var device = new SimulatedEvse(time);
        await using var controller = new EvseController(new EvseDevices(device.ControlPilot, device.Contactor, device.ResidualCurrentMonitor, device.ConnectorLock, device.Meter, device.ProximityPilot), new EvseOptions { EvseId = 1 }, time);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IReadOnlyList<EvseController>>([controller]);
        services.AddSingleton<IReadOnlyDictionary<int, IEnergyMeter>>(new Dictionary<int, IEnergyMeter> { [1] = device.Meter });
        services.AddSingleton(sp => new SessionCoordinator(sp.GetRequiredService<IReadOnlyList<EvseController>>(), sp.GetRequiredService<IReadOnlyDictionary<int, IEnergyMeter>>(), new ChargerController.Station.Authorization.AcceptAllIdTokenAuthorizer(), new SessionCoordinatorOptions(), time, null));
        services.AddSingleton<IConnectorStatusSource>(sp => new EvseConnectorStatusSource(sp.GetRequiredService<IReadOnlyList<EvseController>>()));
        services.AddSingleton<IResetPort>(new RecordingResetPort());
        services.AddTransactions();
        services.AddChargingStation(new StationIdentity { EvseCount = 1 }, sp => new WebSocketOcppTransport(
            new WebSocketTransportOptions { CsmsUrl = csms.Endpoint, StationId = "CS001", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "0123456789abcdef" },
            sp.GetRequiredService<TimeProvider>(),
            new ListLogger()));
        await using var provider = services.BuildServiceProvider();
        var manager = provider.GetRequiredService<TransactionManager>();
        Assert.Same(manager, provider.GetRequiredService<IStationTransactions>());
        Assert.Contains(provider.GetServices<ITriggeredMessageSource>(), s => s is TransactionTriggerSource);

        var hosted = provider.GetServices<IHostedService>().OfType<OcppRuntimeHostedService>().Single();
        await hosted.StartAsync(CancellationToken.None);
        await provider.GetRequiredService<StationRuntime>().WaitUntilAcceptedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        device.Ev.Plug(CpState.C);
        for (var i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            await controller.StepAsync(CancellationToken.None);
        }

        await provider.GetRequiredService<SessionCoordinator>().PresentCardAsync("CARD1", CancellationToken.None);
        var session = await csms.WaitForSessionAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!session.FromStation.Any(f => f.Action == "TransactionEvent") && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            await controller.StepAsync(CancellationToken.None);
            await manager.WhenIdleAsync(CancellationToken.None);
        }

        var started = session.FromStation.First(f => f.Action == "TransactionEvent").Json!.Value[3];
        Assert.Equal("Started", started.EventType());
        Assert.Equal(started.TxId(), manager.GetTransactionId(1));
        await hosted.StopAsync(CancellationToken.None);
        await manager.DisposeAsync();
    }
}
