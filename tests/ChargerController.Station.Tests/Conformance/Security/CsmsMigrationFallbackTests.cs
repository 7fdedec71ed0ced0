using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>Migration to a new CSMS that fails under the new CSMS root, then the fallback profile and root (B10, M05) over real TLS.</summary>
public sealed class CsmsMigrationFallbackTests
{
    [Fact]
    public async Task TC_B_47_CS()
    {
        using var oldPki = SecuritySetup.CreateCertificates();

        // The new CSMS still presents a certificate under the old root, which the new root alone does not verify.
        using var newCsmsServer = TestCertificates.IssueServer(oldPki.Ca, ["localhost"], NetworkProfileSetup.HarnessStart);
        var store = new InMemoryCertificateStore();
        SecuritySetup.Provision(store, oldPki.Ca, client: null);
        await using var h = await StationHarness.StartAsync(
            store: new InMemoryDeviceModelStore(),
            setup: SecuritySetup.Create(
                store,
                SecurityProfile.TlsWithBasicAuthentication,
                new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = oldPki.Server }));
        await h.WaitAcceptedAsync();
        h.Model.SetByStation(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "AdditionalRootCertificateCheck"), "true");
        await using var newCsms = await LoopbackCsms.StartAsync(new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = newCsmsServer });
        NetworkProfileSetup.ScriptBoot(h, newCsms);

        // Configuration state: NetworkProfileConnectionAttempts 1; memory state: the new CSMS root, signed by the old one.
        var attempts = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "1"));
        using var newRoot = CreateRootSignedBy(oldPki.Ca);
        var install = await h.Session.CallAsync("InstallCertificate", $$"""{"certificateType":"CSMSRootCertificate","certificate":{{SecuritySetup.Json(newRoot.ExportCertificatePem())}}}""");
        Assert.Equal("Accepted", attempts[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Accepted", install[2].GetProperty("status").GetString());

        var set = await h.Session.CallAsync("SetNetworkProfile", NetworkProfileSetup.ProfileJson(1, newCsms.Endpoint, 2));
        var priority = await h.Session.CallAsync("SetVariables", NetworkProfileSetup.SetVariable("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"));
        var reset = await h.Session.CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());
        Assert.Equal("Accepted", priority[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("Accepted", reset[2].GetProperty("status").GetString());

        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);

        // M05.FR.15: the new CSMS is verified with the new root only and refused; M05.FR.16 / B10.FR.07: back on slot 0,
        // whose CSMS the old (fallback) root verifies.
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var session = h.Csms.Sessions[1];
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();
        Assert.Empty(newCsms.Sessions);
        Assert.Equal("0", h.Model.GetValue(VariableKey.Of(DeviceModelCatalog.OcppCommCtrlr, "ActiveNetworkProfile")));
        await h.AdvanceUntilAsync(
            () => session.FromStation.Any(f => f.Action == "SecurityEventNotification" && f.Json!.Value[3].GetProperty("type").GetString() == SecurityEventReporter.InvalidCsmsCertificate),
            TimeSpan.FromSeconds(5),
            TimeSpan.FromMinutes(5));

        var listed = await session.CallAsync("GetInstalledCertificateIds", """{"certificateType":["CSMSRootCertificate"]}""");
        Assert.Equal("Accepted", listed[2].GetProperty("status").GetString());
        var chain = listed[2].GetProperty("certificateHashDataChain");
        Assert.Equal(2, chain.GetArrayLength());
        Assert.All(chain.EnumerateArray(), c => Assert.Equal("CSMSRootCertificate", c.GetProperty("certificateType").GetString()));
        Assert.Contains(store.LoadAll(), c => c.Use == CertificateUse.CsmsRootFallback);
    }

    private static X509Certificate2 CreateRootSignedBy(X509Certificate2 oldRoot)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=CSMS Root 2", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.Create(oldRoot, NetworkProfileSetup.HarnessStart.AddDays(-1), NetworkProfileSetup.HarnessStart.AddYears(3), [0x47]);
    }
}
