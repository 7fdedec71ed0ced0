using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>Reconnecting over real TLS after a CSMS root rollover under AdditionalRootCertificateCheck (M05.FR.14).</summary>
public sealed class RootRolloverReconnectTests
{
    [Fact]
    public async Task TC_M_31_CS()
    {
        // The CSMS keeps presenting its certificate under the old root after the station installed the new one.
        using var pki = SecuritySetup.CreateCertificates();
        var store = new InMemoryCertificateStore();
        SecuritySetup.Provision(store, pki.Ca, client: null);
        await using var h = await StationHarness.StartAsync(setup: SecuritySetup.Create(
            store,
            SecurityProfile.TlsWithBasicAuthentication,
            new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = pki.Server }));
        await h.WaitAcceptedAsync();
        h.Model.SetByStation(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "AdditionalRootCertificateCheck"), "true");

        using var newRootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=CSMS Root 2025", newRootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var newRoot = request.Create(pki.Ca, NetworkProfileSetup.HarnessStart.AddDays(-1), NetworkProfileSetup.HarnessStart.AddYears(3), [0x42]);
        var install = await h.Session.CallAsync("InstallCertificate", $$"""{"certificateType":"CSMSRootCertificate","certificate":{{SecuritySetup.Json(newRoot.ExportCertificatePem())}}}""");
        Assert.Equal("Accepted", install[2].GetProperty("status").GetString());

        // The new root alone does not verify the CSMS; the fallback does, so the station reconnects and talks again.
        h.Csms.DropCurrentSession();
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var session = await h.Csms.WaitForSessionAsync(2);
        var listed = await session.CallAsync("GetInstalledCertificateIds", """{"certificateType":["CSMSRootCertificate"]}""");
        Assert.Equal(2, listed[2].GetProperty("certificateHashDataChain").GetArrayLength());
        Assert.Contains(store.LoadAll(), c => c.Use == CertificateUse.CsmsRootFallback);
        Assert.DoesNotContain(session.FromStation, f => f.Action == "SecurityEventNotification"
            && f.Json!.Value[3].GetProperty("type").GetString() == "InvalidCsmsCertificate");
    }
}
