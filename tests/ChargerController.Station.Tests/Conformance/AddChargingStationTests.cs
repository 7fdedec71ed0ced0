using ChargerController.Ocpp.Transport;
using ChargerController.Station.Availability;
using ChargerController.Station.Composition;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Runtime;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance;

/// <summary>The DI extension the Worker calls composes a runtime that boots against a CSMS.</summary>
public sealed class AddChargingStationTests
{
    [Fact]
    public async Task AddChargingStation_HostedServiceStarted_BootsAndReportsStatus()
    {
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef" });
        csms.Respond("BootNotification", """{"currentTime":"2025-01-01T12:00:00Z","interval":300,"status":"Accepted"}""");
        csms.Respond("StatusNotification", "{}");
        csms.Respond("SecurityEventNotification", "{}");
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IConnectorStatusSource>(new FakeConnectors(1));
        services.AddSingleton<IResetPort>(new RecordingResetPort());
        services.AddChargingStation(new StationIdentity { EvseCount = 1 }, sp => new WebSocketOcppTransport(
            new WebSocketTransportOptions { CsmsUrl = csms.Endpoint, StationId = "CS001", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "0123456789abcdef" },
            sp.GetRequiredService<TimeProvider>(),
            new ListLogger()));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<OcppRuntimeHostedService>().Single();
        await hosted.StartAsync(CancellationToken.None);

        var status = provider.GetRequiredService<IOcppStatusSource>();
        await provider.GetRequiredService<StationRuntime>().WaitUntilAcceptedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var session = await csms.WaitForSessionAsync();
        await session.WaitForCallAsync("StatusNotification");
        Assert.True(status.IsConnected);
        Assert.Equal(RegistrationState.Accepted, status.Registration);
        Assert.Equal("ocpp2.1", status.Subprotocol);
        await hosted.StopAsync(CancellationToken.None);
    }
}
