using ChargerController.Ocpp.Transport;
using ChargerController.Station.Availability;
using ChargerController.Station.Composition;
using ChargerController.Station.CustomerInformation;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Monitoring;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Runtime;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Monitoring;

/// <summary>AddMonitoring / AddCustomerInformation compose blocks the runtime attaches and serves.</summary>
public sealed class AddMonitoringTests
{
    [Fact]
    public async Task AddMonitoring_AddCustomerInformation_BlocksAnswerTheirActions()
    {
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef" });
        csms.Respond("BootNotification", """{"currentTime":"2025-01-01T12:00:00Z","interval":300,"status":"Accepted"}""");
        foreach (var action in new[] { "StatusNotification", "SecurityEventNotification", "NotifyMonitoringReport", "NotifyCustomerInformation", "NotifyEvent" })
        {
            csms.Respond(action, "{}");
        }

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IConnectorStatusSource>(new FakeConnectors(1));
        services.AddSingleton<IResetPort>(new RecordingResetPort());
        services.AddChargingStation(new StationIdentity { EvseCount = 1 }, sp => new WebSocketOcppTransport(
            new WebSocketTransportOptions { CsmsUrl = csms.Endpoint, StationId = "CS001", SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication, BasicAuthPassword = "0123456789abcdef" },
            sp.GetRequiredService<TimeProvider>(),
            new ListLogger()));
        services.AddMonitoring();
        services.AddCustomerInformation();
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<OcppRuntimeHostedService>().Single();
        await hosted.StartAsync(CancellationToken.None);
        await provider.GetRequiredService<StationRuntime>().WaitUntilAcceptedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var session = await csms.WaitForSessionAsync();

        var report = await session.CallAsync("GetMonitoringReport", """{"requestId":1}""");
        Assert.Equal("Accepted", report[2].GetProperty("status").GetString());
        await session.WaitForCallAsync("NotifyMonitoringReport");
        var customer = await session.CallAsync("CustomerInformation", """{"requestId":2,"report":true,"clear":false,"customerIdentifier":"x"}""");
        Assert.Equal("Accepted", customer[2].GetProperty("status").GetString());
        await session.WaitForCallAsync("NotifyCustomerInformation");
        Assert.Same(provider.GetRequiredService<MonitoringModule>(), provider.GetServices<IStationModule>().OfType<MonitoringModule>().Single());
        await hosted.StopAsync(CancellationToken.None);
    }
}
