using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Transport;
using ChargerController.Station.Provisioning.NetworkProfiles;
using ChargerController.Station.Security;
using ChargerController.Station.Tests.Conformance.NetworkProfiles;
using ChargerController.Testing.Csms;
using ChargerController.Testing.Tls;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Station.Tests.Conformance.Security;

/// <summary>Harness wiring with the certificate block as the TLS credential source of the network profiles.</summary>
internal static class SecuritySetup
{
    public static HarnessSetup Create(
        ICertificateStore store,
        SecurityProfile profile = SecurityProfile.UnsecuredTransportWithBasicAuthentication,
        LoopbackCsmsOptions? csms = null,
        SecurityOptions? options = null) => new()
    {
        Csms = csms,
        Modules = h =>
        {
            var certificates = new CertificateManager(store, h.Model, options ?? new SecurityOptions(), h.Time, NullLoggerFactory.Instance);
            var profiles = new NetworkProfileManager(h.Model, new NetworkProfileOptions { CsmsUrl = h.Csms.Endpoint, SecurityProfile = profile }, certificates, NullLoggerFactory.Instance);
            return [certificates, profiles];
        },
        Transport = h => new WebSocketTransportOptions
        {
            CsmsUrl = h.Csms.Endpoint,
            StationId = "CS001",
            SecurityProfile = profile,
            CsmsRootCertificates = Certificates(h).GetCsmsRootCertificates(),
            ClientCertificate = Certificates(h).GetClientCertificate(),
            BasicAuthPassword = NetworkProfileSetup.Password,
            RetryBackOffWaitMinimum = TimeSpan.FromSeconds(1),
            RetryBackOffRandomRange = TimeSpan.Zero,
            RetryBackOffRepeatTimes = 0,
            WebSocketPingInterval = TimeSpan.Zero,
            ConnectionTargets = h.Modules.OfType<NetworkProfileManager>().Single(),
        },
    };

    public static CertificateManager Certificates(StationHarness h) => h.Modules.OfType<CertificateManager>().Single();

    /// <summary>Certificates valid both at the harness's virtual time (the station checks) and now (Kestrel checks client certificates).</summary>
    public static TestCertificates CreateCertificates() => TestCertificates.CreateValidAt(NetworkProfileSetup.HarnessStart);

    public static X509Certificate2 IssueClient(X509Certificate2 ca, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        using var issued = Sign(request, ca);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>Signs a CSR as a CSMS would (client-auth leaf, valid from a day before the harness start until mid-2029).</summary>
    public static X509Certificate2 Sign(CertificateRequest request, X509Certificate2 ca)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(ca, NetworkProfileSetup.HarnessStart.AddDays(-1), new DateTimeOffset(2029, 6, 1, 0, 0, 0, TimeSpan.Zero), serial);
    }

    public static string SignCsr(string csrPem, X509Certificate2 ca)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        using var certificate = Sign(request, ca);
        return certificate.ExportCertificatePem();
    }

    /// <summary>Puts a CSMS root and a client certificate with key in the store, as the factory or an earlier renewal would.</summary>
    public static void Provision(ICertificateStore store, X509Certificate2 csmsRoot, X509Certificate2? client)
    {
        store.Save(new StoredCertificate(CertificateUse.CsmsRoot, csmsRoot.RawData));
        if (client is not null)
        {
            store.Save(new StoredCertificate(CertificateUse.ChargingStation, client.RawData));
            using var key = client.GetECDsaPrivateKey()!;
            store.SaveKey(CertificateUse.ChargingStation, key.ExportPkcs8PrivateKey());
        }
    }

    /// <summary>A station on security profile 3 (client certificate from the store) against a TLS CSMS requiring it.</summary>
    public static async Task<StationHarness> StartProfile3Async(TestCertificates certificates, InMemoryCertificateStore store)
    {
        using var client = IssueClient(certificates.Ca, "CN=CS001, O=ChargerController Test");
        Provision(store, certificates.Ca, client);
        var h = await StationHarness.StartAsync(setup: Create(
            store,
            SecurityProfile.TlsWithClientSideCertificates,
            new LoopbackCsmsOptions { ServerCertificate = certificates.Server, ClientCertificateCa = certificates.Ca }));
        await h.WaitAcceptedAsync();
        return h;
    }

    public static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
