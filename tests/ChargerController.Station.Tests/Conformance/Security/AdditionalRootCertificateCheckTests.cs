using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>InstallCertificate with SecurityCtrlr.AdditionalRootCertificateCheck = true (M05.FR.09-12).</summary>
public sealed class AdditionalRootCertificateCheckTests : IAsyncLifetime, IDisposable
{
    private readonly X509Certificate2 _oldRoot = TestCertificates.CreateCa("CSMS Root 2024", NetworkProfileSetup.HarnessStart);
    private readonly InMemoryCertificateStore _store = new();
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _store.Save(new StoredCertificate(CertificateUse.CsmsRoot, _oldRoot.RawData));
        _h = await StationHarness.StartAsync(setup: SecuritySetup.Create(_store));
        await _h.WaitAcceptedAsync();
        _h.Model.SetByStation(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "AdditionalRootCertificateCheck"), "true");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    public void Dispose() => _oldRoot.Dispose();

    [Fact]
    public async Task TC_M_09_CS()
    {
        using var unrelated = TestCertificates.CreateCa("Another CSMS Root", NetworkProfileSetup.HarnessStart);
        var reply = await InstallAsync(unrelated);

        Assert.Equal("Rejected", reply.GetProperty("status").GetString());
        var stored = Assert.Single(_store.LoadAll());
        Assert.Equal(_oldRoot.RawData, stored.Der);
    }

    [Fact]
    public async Task M05_FR_12_SignedByOldRoot_InstalledOldKeptAsFallback()
    {
        using var newRoot = CrossSigned("CN=CSMS Root 2025", _oldRoot);
        var reply = await InstallAsync(newRoot);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        Assert.Equal(newRoot.RawData, Assert.Single(_store.LoadAll(), c => c.Use == CertificateUse.CsmsRoot).Der);
        Assert.Equal(_oldRoot.RawData, Assert.Single(_store.LoadAll(), c => c.Use == CertificateUse.CsmsRootFallback).Der);

        // M05.FR.14: the fallback still verifies the CSMS; both are reported as CSMS roots.
        var roots = SecuritySetup.Certificates(_h).GetCsmsRootCertificates();
        Assert.Equal(2, roots.Count);
        var list = await _h.Session.CallAsync("GetInstalledCertificateIds", """{"certificateType":["CSMSRootCertificate"]}""");
        Assert.Equal(2, list[2].GetProperty("certificateHashDataChain").GetArrayLength());

        // M05.FR.09: one root plus one fallback: the next replacement drops the oldest.
        using var newest = CrossSigned("CN=CSMS Root 2026", newRoot);
        Assert.Equal("Accepted", (await InstallAsync(newest)).GetProperty("status").GetString());
        Assert.Equal(2, _store.LoadAll().Count);
        Assert.Equal(newRoot.RawData, Assert.Single(_store.LoadAll(), c => c.Use == CertificateUse.CsmsRootFallback).Der);
    }

    [Fact]
    public async Task CheckOff_AnyValidRootInstalled()
    {
        _h.Model.SetByStation(VariableKey.Of(DeviceModelCatalog.SecurityCtrlr, "AdditionalRootCertificateCheck"), "false");
        using var unrelated = TestCertificates.CreateCa("Another CSMS Root", NetworkProfileSetup.HarnessStart);

        Assert.Equal("Accepted", (await InstallAsync(unrelated)).GetProperty("status").GetString());
        Assert.Equal(2, _store.LoadAll().Count(c => c.Use == CertificateUse.CsmsRoot));
    }

    /// <summary>A new CA certificate whose issuer is <paramref name="issuer"/> (a root rollover cross-signed by the old root).</summary>
    private static X509Certificate2 CrossSigned(string subject, X509Certificate2 issuer)
    {
        // The key lives as long as the returned certificate (it signs the next rollover).
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(issuer, NetworkProfileSetup.HarnessStart.AddDays(-1), NetworkProfileSetup.HarnessStart.AddYears(5), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private async Task<JsonElement> InstallAsync(X509Certificate2 certificate)
    {
        var reply = await _h.Session.CallAsync("InstallCertificate", $$"""{"certificateType":"CSMSRootCertificate","certificate":{{SecuritySetup.Json(certificate.ExportCertificatePem())}}}""");
        return reply[2];
    }
}
