using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Storage.Certificates;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>
/// A CSMS root rollover under AdditionalRootCertificateCheck completes once the CSMS is verified through the new root
/// (M05.FR.13), over real TLS with the certificates in files as chargerd keeps them.
/// </summary>
public sealed class RootRolloverCompletionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cc-m30-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task TC_M_30_CS()
    {
        using var oldPki = SecuritySetup.CreateCertificates();
        using var newRoot = CreateRootSignedBy("CN=CSMS Root 2", oldPki.Ca);
        using var newServer = TestCertificates.IssueServer(newRoot, ["localhost"], NetworkProfileSetup.HarnessStart);
        var store = new FileCertificateStore(_directory);
        SecuritySetup.Provision(store, oldPki.Ca, client: null);
        await using var h = await StationHarness.StartAsync(
            store: new InMemoryDeviceModelStore(),
            setup: SecuritySetup.Create(
                store,
                SecurityProfile.TlsWithBasicAuthentication,
                new LoopbackCsmsOptions { BasicAuthPassword = NetworkProfileSetup.Password, ServerCertificate = oldPki.Server }));
        await h.WaitAcceptedAsync();
        h.Model.SetByStation(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "AdditionalRootCertificateCheck"), "true");

        // Memory state: CertificatesInstalled for the new CSMS root, signed by the old one (M05.FR.12).
        var install = await h.Session.CallAsync("InstallCertificate", $$"""{"certificateType":"CSMSRootCertificate","certificate":{{SecuritySetup.Json(newRoot.ExportCertificatePem())}}}""");
        Assert.Equal("Accepted", install[2].GetProperty("status").GetString());
        Assert.Contains(store.LoadAll(), c => c.Use == CertificateUse.CsmsRootFallback);

        // Still connected through the old root: the fallback stays (M05.FR.14 keeps it usable).
        h.Csms.DropCurrentSession();
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        await h.Csms.WaitForSessionAsync(2);
        Assert.Contains(store.LoadAll(), c => c.Use == CertificateUse.CsmsRootFallback);

        // Steps 1-2: Reset OnIdle. Step 3: the CSMS now presents a certificate under the new root.
        var reset = await h.Csms.Sessions[1].CallAsync("Reset", """{"type":"OnIdle"}""");
        Assert.Equal("Accepted", reset[2].GetProperty("status").GetString());
        h.Csms.SetServerCertificate(newServer);
        await h.Runtime.DisposeAsync();
        await h.StartRuntimeAsync(BootReasonEnumType.RemoteReset, []);

        // Steps 4-5: the handshake succeeds with the new root; Booted.
        await h.AdvanceUntilAsync(() => h.Csms.Sessions.Count >= 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        var session = await h.Csms.WaitForSessionAsync(3);
        await session.WaitForCallAsync("BootNotification");
        await h.WaitAcceptedAsync();

        // Steps 6-7: the old root is no longer listed.
        var listed = await session.CallAsync("GetInstalledCertificateIds", """{"certificateType":["CSMSRootCertificate"]}""");
        Assert.Equal("Accepted", listed[2].GetProperty("status").GetString());
        var entry = Assert.Single(listed[2].GetProperty("certificateHashDataChain").EnumerateArray());
        Assert.Equal(newRoot.SerialNumber.TrimStart('0'), entry.GetProperty("certificateHashData").GetProperty("serialNumber").GetString()!.TrimStart('0'), ignoreCase: true);

        // Persisted: a store opened afresh (as after a power cycle) holds the new root only.
        var reopened = new FileCertificateStore(_directory).LoadAll();
        Assert.DoesNotContain(reopened, c => c.Use == CertificateUse.CsmsRootFallback);
        Assert.Equal(newRoot.RawData, Assert.Single(reopened, c => c.Use == CertificateUse.CsmsRoot).Der);
    }

    /// <summary>A new CSMS root (with key, to issue the CSMS's next server certificate) whose issuer is the old root.</summary>
    private static X509Certificate2 CreateRootSignedBy(string subject, X509Certificate2 oldRoot)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var issued = request.Create(oldRoot, NetworkProfileSetup.HarnessStart.AddDays(-1), NetworkProfileSetup.HarnessStart.AddYears(3), [0x30, 0x01]);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
