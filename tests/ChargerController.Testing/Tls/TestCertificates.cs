using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Testing.Tls;

/// <summary>
/// Certificates generated at test time (nothing checked in): a test CA, a server certificate for the loopback CSMS,
/// a client certificate for security profile 3. ECDSA P-256 keeps generation in the milliseconds.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client)
    {
        Ca = ca;
        Server = server;
        Client = client;
    }

    /// <summary>Gets the CA (with private key) that issued <see cref="Server"/> and <see cref="Client"/>.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>Gets the server certificate (with private key).</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Gets the client certificate (with private key).</summary>
    public X509Certificate2 Client { get; }

    /// <summary>Creates a CA, a server certificate for <paramref name="serverNames"/> (+ 127.0.0.1) and a client certificate.</summary>
    /// <param name="clientCommonName">CN of the client certificate (the station id in profile 3).</param>
    /// <param name="serverNames">DNS names of the server certificate; default <c>localhost</c>.</param>
    /// <returns>The set.</returns>
    public static TestCertificates Create(string clientCommonName = "CS001", params string[] serverNames) =>
        CreateValidAt(DateTimeOffset.UtcNow, clientCommonName, serverNames);

    /// <summary>Like <see cref="Create"/>, valid from a day before <paramref name="now"/> (for stations on a virtual clock).</summary>
    /// <param name="now">The time the certificates must be valid at.</param>
    /// <param name="clientCommonName">CN of the client certificate.</param>
    /// <param name="serverNames">DNS names of the server certificate; default <c>localhost</c>.</param>
    /// <returns>The set.</returns>
    public static TestCertificates CreateValidAt(DateTimeOffset now, string clientCommonName = "CS001", params string[] serverNames)
    {
        ArgumentNullException.ThrowIfNull(serverNames);
        var ca = CreateCa("ChargerController Test CA", now);
        var server = IssueServer(ca, serverNames.Length == 0 ? ["localhost"] : serverNames, now);
        var client = IssueClient(ca, clientCommonName, now);
        return new TestCertificates(ca, server, client);
    }

    /// <summary>Creates a self-signed CA certificate with its key.</summary>
    /// <param name="name">CN.</param>
    /// <returns>The CA.</returns>
    public static X509Certificate2 CreateCa(string name) => CreateCa(name, DateTimeOffset.UtcNow);

    /// <summary>Creates a self-signed CA certificate with its key, valid from a day before <paramref name="now"/> for 5 years.</summary>
    /// <param name="name">CN.</param>
    /// <param name="now">Reference time.</param>
    /// <returns>The CA.</returns>
    public static X509Certificate2 CreateCa(string name, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        return Reload(cert);
    }

    /// <summary>Issues a TLS server certificate.</summary>
    /// <param name="ca">Issuer with key.</param>
    /// <param name="dnsNames">Subject alternative DNS names (may contain a wildcard).</param>
    /// <returns>The certificate with key.</returns>
    public static X509Certificate2 IssueServer(X509Certificate2 ca, string[] dnsNames) => IssueServer(ca, dnsNames, DateTimeOffset.UtcNow);

    /// <summary>Issues a TLS server certificate valid from a day before <paramref name="now"/>.</summary>
    /// <param name="ca">Issuer with key.</param>
    /// <param name="dnsNames">Subject alternative DNS names.</param>
    /// <param name="now">Reference time.</param>
    /// <returns>The certificate with key.</returns>
    public static X509Certificate2 IssueServer(X509Certificate2 ca, string[] dnsNames, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            san.AddDnsName(name);
        }

        san.AddIpAddress(System.Net.IPAddress.Loopback);
        return Issue(ca, "CN=" + dnsNames[0], [san.Build(), new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)], now);
    }

    /// <summary>Issues a TLS client certificate.</summary>
    /// <param name="ca">Issuer with key.</param>
    /// <param name="commonName">CN.</param>
    /// <returns>The certificate with key.</returns>
    public static X509Certificate2 IssueClient(X509Certificate2 ca, string commonName) => IssueClient(ca, commonName, DateTimeOffset.UtcNow);

    /// <summary>Issues a TLS client certificate valid from a day before <paramref name="now"/>.</summary>
    /// <param name="ca">Issuer with key.</param>
    /// <param name="commonName">CN.</param>
    /// <param name="now">Reference time.</param>
    /// <returns>The certificate with key.</returns>
    public static X509Certificate2 IssueClient(X509Certificate2 ca, string commonName, DateTimeOffset now) =>
        Issue(ca, "CN=" + commonName + ", O=ChargerController Test", [new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)], now);

    /// <inheritdoc/>
    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, X509Extension[] extensions, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        foreach (var extension in extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, now.AddDays(-1), now.AddYears(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    // A PKCS#12 round trip gives a certificate whose key SslStream can use on every platform.
    private static X509Certificate2 Reload(X509Certificate2 cert) =>
        X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
}
