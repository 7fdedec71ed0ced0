using ChargerController.Ocpp.Transport;
using ChargerController.Station.Availability;
using ChargerController.Station.Composition;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Station.Runtime;
using ChargerController.Station.Security;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>The DI extensions the Worker calls: certificates + network profiles wired into the transport, booting for real.</summary>
public sealed class AddSecurityTests
{
    [Fact]
    public async Task AddSecurityAndNetworkProfiles_TransportAsksProfiles_BootsAndAnswersCertificateCalls()
    {
        await using var csms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = "0123456789abcdef" });
        csms.Respond("BootNotification", """{"currentTime":"2025-01-01T12:00:00Z","interval":300,"status":"Accepted"}""");
        csms.Respond("StatusNotification", "{}");
        csms.Respond("SecurityEventNotification", "{}");
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IConnectorStatusSource>(new FakeConnectors(1));
        services.AddSingleton<IResetPort>(new RecordingResetPort());
        services.AddSecurity();
        services.AddNetworkProfiles(new NetworkProfileOptions { CsmsUrl = csms.Endpoint, SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication });
        services.AddChargingStation(new StationIdentity { EvseCount = 1 }, sp => new WebSocketOcppTransport(
            new WebSocketTransportOptions
            {
                CsmsUrl = csms.Endpoint,
                StationId = "CS001",
                SecurityProfile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
                BasicAuthPassword = "0123456789abcdef",
                ConnectionTargets = sp.GetRequiredService<IConnectionTargetProvider>(),
            },
            sp.GetRequiredService<TimeProvider>(),
            new ListLogger()));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<OcppRuntimeHostedService>().Single();
        await hosted.StartAsync(CancellationToken.None);

        await provider.GetRequiredService<StationRuntime>().WaitUntilAcceptedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var session = await csms.WaitForSessionAsync();
        var list = await session.CallAsync("GetInstalledCertificateIds", "{}");
        var profile = await session.CallAsync("SetNetworkProfile", """{"configurationSlot":1,"connectionData":{"ocppVersion":"OCPP20","ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"ws://10.1.1.1/ocpp","securityProfile":1}}""");

        Assert.Equal("NotFound", list[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", profile[2].GetProperty("status").GetString());
        Assert.Same(provider.GetRequiredService<CertificateManager>(), provider.GetRequiredService<ITlsCredentialSource>());
        Assert.Equal("0", provider.GetRequiredService<StationDeviceModel>().GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
        await hosted.StopAsync(CancellationToken.None);
    }
}
