using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>TLS credentials fixed at start-up (from the configuration file).</summary>
public sealed class ConfiguredTlsCredentials : ITlsCredentialSource
{
    private readonly X509Certificate2Collection _roots;
    private readonly X509Certificate2? _client;

    /// <summary>Initializes a new instance of the <see cref="ConfiguredTlsCredentials"/> class.</summary>
    /// <param name="roots">CSMS root certificates; null = none.</param>
    /// <param name="client">Client certificate with key; null = none.</param>
    public ConfiguredTlsCredentials(X509Certificate2Collection? roots = null, X509Certificate2? client = null)
    {
        _roots = roots ?? [];
        _client = client;
    }

    /// <inheritdoc/>
    public event EventHandler? ClientCertificateChanged
    {
        // Fixed credentials never change.
        add { }
        remove { }
    }

    /// <inheritdoc/>
    public X509Certificate2Collection GetCsmsRootCertificates() => _roots;

    /// <inheritdoc/>
    public X509Certificate2? GetClientCertificate() => _client;
}
