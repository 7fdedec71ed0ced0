using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>InstallCertificate, GetInstalledCertificateIds, DeleteCertificate (M03-M05) over a real WebSocket, OCA Part 6 scenarios.</summary>
public sealed class CertificateManagementTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates _certificates = SecuritySetup.CreateCertificates();
    private readonly InMemoryCertificateStore _store = new();
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StationHarness.StartAsync(setup: SecuritySetup.Create(_store));
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public Task TC_M_01_CS() => InstallThenListAsync("CSMSRootCertificate");

    [Fact]
    public Task TC_M_02_CS() => InstallThenListAsync("ManufacturerRootCertificate");

    [Fact]
    public Task TC_M_03_CS() => InstallThenListAsync("V2GRootCertificate");

    [Fact]
    public Task TC_M_04_CS() => InstallThenListAsync("MORootCertificate");

    [Fact]
    public async Task TC_M_07_CS()
    {
        using var expired = ExpiredCa();
        var install = await InstallAsync("CSMSRootCertificate", expired);
        var list = await ListAsync("""["CSMSRootCertificate"]""");

        Assert.Equal("Rejected", install.GetProperty("status").GetString());
        Assert.Equal("NotFound", list.GetProperty("status").GetString());
        Assert.Empty(_store.LoadAll());
    }

    [Fact]
    public async Task InstallCertificate_LeafOrGarbage_Rejected()
    {
        var leaf = await InstallAsync("CSMSRootCertificate", _certificates.Server);
        var garbage = await _h.Session.CallAsync("InstallCertificate", """{"certificateType":"CSMSRootCertificate","certificate":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"}""");

        Assert.Equal("Rejected", leaf.GetProperty("status").GetString());
        Assert.Equal("Rejected", garbage[2].GetProperty("status").GetString());
    }

    [Fact]
    public Task TC_M_12_CS() => InstallThenListAsync("CSMSRootCertificate");

    [Fact]
    public Task TC_M_13_CS() => InstallThenListAsync("ManufacturerRootCertificate");

    [Fact]
    public Task TC_M_14_CS() => InstallThenListAsync("V2GRootCertificate");

    [Fact]
    public Task TC_M_16_CS() => InstallThenListAsync("MORootCertificate");

    [Fact]
    public async Task TC_M_17_CS()
    {
        using var manufacturer = TestCertificates.CreateCa("Manufacturer Root", NetworkProfileSetup.HarnessStart);
        await InstallAsync("CSMSRootCertificate", _certificates.Ca);
        await InstallAsync("ManufacturerRootCertificate", manufacturer);

        var list = await ListAsync("""["CSMSRootCertificate","ManufacturerRootCertificate"]""");

        Assert.Equal("Accepted", list.GetProperty("status").GetString());
        var types = list.GetProperty("certificateHashDataChain").EnumerateArray().Select(e => e.GetProperty("certificateType").GetString()!).Order().ToArray();
        Assert.Equal(["CSMSRootCertificate", "ManufacturerRootCertificate"], types);
    }

    [Fact]
    public async Task TC_M_18_CS()
    {
        using var manufacturer = TestCertificates.CreateCa("Manufacturer Root", NetworkProfileSetup.HarnessStart);
        await InstallAsync("CSMSRootCertificate", _certificates.Ca);
        await InstallAsync("ManufacturerRootCertificate", manufacturer);

        var list = await ListAsync(null);

        var entries = list.GetProperty("certificateHashDataChain").EnumerateArray().ToArray();
        Assert.Equal(2, entries.Length);
        Assert.Contains(entries, e => e.GetProperty("certificateHashData").GetProperty("serialNumber").GetString() == Serial(manufacturer));
        Assert.Contains(entries, e => e.GetProperty("certificateHashData").GetProperty("serialNumber").GetString() == Serial(_certificates.Ca));
    }

    [Fact]
    public async Task TC_M_19_CS()
    {
        await InstallAsync("CSMSRootCertificate", _certificates.Ca);

        var list = await ListAsync("""["MORootCertificate"]""");

        Assert.Equal("NotFound", list.GetProperty("status").GetString());
        Assert.False(list.TryGetProperty("certificateHashDataChain", out _));
    }

    [Fact]
    public async Task TC_M_20_CS()
    {
        await InstallAsync("CSMSRootCertificate", _certificates.Ca);
        var hash = (await ListAsync("""["CSMSRootCertificate"]""")).GetProperty("certificateHashDataChain")[0].GetProperty("certificateHashData");

        var delete = await _h.Session.CallAsync("DeleteCertificate", "{\"certificateHashData\":" + hash.GetRawText() + "}");

        Assert.Equal("Accepted", delete[2].GetProperty("status").GetString());
        Assert.Equal("NotFound", (await ListAsync("""["CSMSRootCertificate"]""")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_M_22_CS()
    {
        await InstallAsync("CSMSRootCertificate", _certificates.Ca);

        var delete = await _h.Session.CallAsync("DeleteCertificate", """{"certificateHashData":{"hashAlgorithm":"SHA256","issuerNameHash":"00","issuerKeyHash":"00","serialNumber":"1234"}}""");

        Assert.Equal("NotFound", delete[2].GetProperty("status").GetString());
        Assert.Single(_store.LoadAll());
    }

    [Fact]
    public async Task TC_M_23_CS()
    {
        using var client = SecuritySetup.IssueClient(_certificates.Ca, "CN=CS001, O=ChargerController");
        SecuritySetup.Provision(_store, _certificates.Ca, client);
        var hash = ExpectedHash(client, _certificates.Ca);

        var delete = await _h.Session.CallAsync("DeleteCertificate", "{\"certificateHashData\":" + hash + "}");

        // M04.FR.06: the station certificate is never deleted.
        Assert.Equal("Failed", delete[2].GetProperty("status").GetString());
        Assert.Contains(_store.LoadAll(), c => c.Use == CertificateUse.ChargingStation);
    }

    private static string Serial(X509Certificate2 certificate) => certificate.SerialNumber.TrimStart('0').ToLowerInvariant();

    private static string ExpectedHash(X509Certificate2 certificate, X509Certificate2 issuer) =>
        $$"""{"hashAlgorithm":"SHA256","issuerNameHash":"{{Convert.ToHexString(SHA256.HashData(certificate.IssuerName.RawData))}}","issuerKeyHash":"{{Convert.ToHexString(SHA256.HashData(issuer.PublicKey.EncodedKeyValue.RawData))}}","serialNumber":"{{certificate.SerialNumber}}"}""";

    private static X509Certificate2 ExpiredCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Expired Root", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(NetworkProfileSetup.HarnessStart.AddYears(-3), NetworkProfileSetup.HarnessStart.AddDays(-2));
    }

    private async Task InstallThenListAsync(string type)
    {
        var install = await InstallAsync(type, _certificates.Ca);
        var list = await ListAsync($"[\"{type}\"]");

        Assert.Equal("Accepted", install.GetProperty("status").GetString());
        Assert.Equal("Accepted", list.GetProperty("status").GetString());
        var entry = Assert.Single(list.GetProperty("certificateHashDataChain").EnumerateArray());
        Assert.Equal(type, entry.GetProperty("certificateType").GetString());

        // Part 2 CertificateHashDataType: RFC 6960 CertID fields of the root (its own issuer).
        var data = entry.GetProperty("certificateHashData");
        var expected = JsonDocument.Parse(ExpectedHash(_certificates.Ca, _certificates.Ca)).RootElement;
        Assert.Equal("SHA256", data.GetProperty("hashAlgorithm").GetString());
        Assert.Equal(expected.GetProperty("issuerNameHash").GetString(), data.GetProperty("issuerNameHash").GetString(), ignoreCase: true);
        Assert.Equal(expected.GetProperty("issuerKeyHash").GetString(), data.GetProperty("issuerKeyHash").GetString(), ignoreCase: true);
        Assert.Equal(Serial(_certificates.Ca), data.GetProperty("serialNumber").GetString());
    }

    private async Task<JsonElement> InstallAsync(string type, X509Certificate2 certificate)
    {
        var reply = await _h.Session.CallAsync("InstallCertificate", $$"""{"certificateType":"{{type}}","certificate":{{SecuritySetup.Json(certificate.ExportCertificatePem())}}}""");
        return reply[2];
    }

    private async Task<JsonElement> ListAsync(string? typesJson)
    {
        var reply = await _h.Session.CallAsync("GetInstalledCertificateIds", typesJson is null ? "{}" : "{\"certificateType\":" + typesJson + "}");
        return reply[2];
    }
}
