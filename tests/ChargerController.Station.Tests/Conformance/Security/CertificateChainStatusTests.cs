using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Tls;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>GetCertificateChainStatus (M07, 2.1) over the loopback CSMS, with a chain carrying OCSP and CRL locations.</summary>
public sealed class CertificateChainStatusTests : IAsyncLifetime, IDisposable
{
    private readonly X509Certificate2 _root = TestCertificates.CreateCa("V2G Root", NetworkProfileSetup.HarnessStart);
    private readonly ECDsa _subKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private X509Certificate2 _sub = null!;
    private X509Certificate2 _leaf = null!;
    private StationHarness _h = null!;

    public async Task InitializeAsync()
    {
        var subRequest = new CertificateRequest("CN=V2G Sub-CA", _subKey, HashAlgorithmName.SHA256);
        subRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        subRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        subRequest.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://crl.example/v2g.crl"]));
        using (var sub = subRequest.Create(_root, NetworkProfileSetup.HarnessStart.AddDays(-1), NetworkProfileSetup.HarnessStart.AddYears(2), [0x11, 0x22]))
        {
            _sub = sub.CopyWithPrivateKey(_subKey);
        }

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=EV contract", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(["http://ocsp.example/"], null));
        _leaf = leafRequest.Create(_sub, NetworkProfileSetup.HarnessStart.AddDays(-1), NetworkProfileSetup.HarnessStart.AddYears(1), [0x33, 0x44]);

        _h = await StationHarness.StartAsync(setup: SecuritySetup.Create(new InMemoryCertificateStore()));
        _h.Csms.Respond("GetCertificateChainStatus", request => Answer(request, "Good", _h.Time.GetUtcNow().AddDays(1)));
        await _h.WaitAcceptedAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    public void Dispose()
    {
        _leaf?.Dispose();
        _sub?.Dispose();
        _subKey.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task M07_FR_11_AsksForTheCheckableCertificates()
    {
        var statuses = await SecuritySetup.Certificates(_h).GetChainStatusAsync([_leaf, _sub, _root], CancellationToken.None);

        var request = Assert.Single(_h.Calls("GetCertificateChainStatus"));
        var entries = request.GetProperty("certificateStatusRequests").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("OCSP", entries[0].GetProperty("source").GetString());
        Assert.Equal("http://ocsp.example/", entries[0].GetProperty("urls")[0].GetString());
        Assert.Equal("3344", entries[0].GetProperty("certificateHashData").GetProperty("serialNumber").GetString());
        Assert.Equal("CRL", entries[1].GetProperty("source").GetString());
        Assert.Equal("http://crl.example/v2g.crl", entries[1].GetProperty("urls")[0].GetString());
        Assert.Equal([CertificateStatusEnumType.Good, CertificateStatusEnumType.Good], statuses.Select(s => s.Status));
    }

    [Fact]
    public async Task M07_FR_10_CachedUntilNextUpdate()
    {
        var manager = SecuritySetup.Certificates(_h);
        await manager.GetChainStatusAsync([_leaf, _sub, _root], CancellationToken.None);
        var again = await manager.GetChainStatusAsync([_leaf, _sub, _root], CancellationToken.None);
        Assert.Single(_h.Calls("GetCertificateChainStatus"));
        Assert.Equal(2, again.Count);

        _h.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await manager.GetChainStatusAsync([_leaf, _sub, _root], CancellationToken.None);
        Assert.Equal(2, _h.Calls("GetCertificateChainStatus").Count);
    }

    [Fact]
    public async Task M07_FR_09_FailedIsNotCached()
    {
        _h.Csms.Respond("GetCertificateChainStatus", request => Answer(request, "Failed", _h.Time.GetUtcNow().AddDays(1)));
        var manager = SecuritySetup.Certificates(_h);
        var first = await manager.GetChainStatusAsync([_leaf, _sub, _root], CancellationToken.None);
        Assert.All(first, s => Assert.Equal(CertificateStatusEnumType.Failed, s.Status));

        await manager.GetChainStatusAsync([_leaf, _sub, _root], CancellationToken.None);
        Assert.Equal(2, _h.Calls("GetCertificateChainStatus").Count);
    }

    [Fact]
    public void CrlUrls_MalformedExtension_None()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=odd", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509Extension("2.5.29.31", [0x30, 0x03, 0x01, 0x01], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Empty(RevocationSources.CrlUrls(certificate));
    }

    private static string Answer(JsonElement request, string status, DateTimeOffset nextUpdate)
    {
        var items = request.GetProperty("certificateStatusRequests").EnumerateArray().Select(r =>
            $$"""{"certificateHashData":{{r.GetProperty("certificateHashData").GetRawText()}},"source":"{{r.GetProperty("source").GetString()}}","status":"{{status}}","nextUpdate":"{{nextUpdate.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}"}""");
        return $$"""{"certificateStatus":[{{string.Join(',', items)}}]}""";
    }
}
