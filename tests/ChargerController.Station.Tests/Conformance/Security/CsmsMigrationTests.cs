using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>Migration to a new CSMS with a new CSMS root certificate (B09/B10 with M05) over real TLS.</summary>
public sealed class CsmsMigrationTests
{
    [Fact]
    public async Task TC_B_50_CS()
    {
        using var oldPki = SecuritySetup.CreateCertificates();
        using var newCa = TestCertificates.CreateCa("New CSMS Root", NetworkProfileSetup.HarnessStart);
        using var newServer = TestCertificates.IssueServer(newCa, ["localhost"], NetworkProfileSetup.HarnessStart);
        var store = new InMemoryCertificateStore();
        SecuritySetup.Provision(store, oldPki.Ca, client: null);
        await using var h = await StationHarness.StartAsync(setup: SecuritySetup.Create(
            store,
            SecurityProfile.TlsWithBasicAuthentication,
            new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = oldPki.Server }));
        await h.WaitAcceptedAsync();
        await using var newCsms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = newServer });
        NetworkProfileSetup.ScriptBoot(h, newCsms);

        // Memory state CertificatesInstalled: the new CSMS root next to the old one.
        var install = await h.Session.CallAsync("InstallCertificate", $$"""{"certificateType":"CSMSRootCertificate","certificate":{{SecuritySetup.Json(newCa.ExportCertificatePem())}}}""");
        var set = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, newCsms.Endpoint, 2));
        var priority = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));
        var reset = await h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Accepted", install[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", priority[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Accepted", reset[2].GetProperty("status").GetString());

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);

        // M05.FR.13: the new CSMS's certificate is validated with the new root; the station boots there.
        var session = await newCsms.WaitForSessionAsync();
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();
        Assert.Equal("1", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
        Assert.Single(h.Csms.Sessions);
    }
}
