using System.Security.Cryptography.X509Certificates;
using ChargerController.Station.Provisioning.NetworkProfiles;

namespace ChargerController.Station.Tests.Conformance.NetworkProfiles;

/// <summary>TLS credentials a test can change while the station runs, as installing a certificate would.</summary>
internal sealed class TestTlsCredentials : ITlsCredentialSource
{
    private readonly Lock _gate = new();
    private readonly Queue<X509Certificate2Collection> _next = new();
    private X509Certificate2Collection _roots = [];
    private X509Certificate2? _client;

    public event EventHandler? ClientCertificateChanged;

    public void SetRoots(params X509Certificate2[] roots)
    {
        lock (_gate)
        {
            _roots = [.. roots];
        }
    }

    public void SetClient(X509Certificate2? client)
    {
        lock (_gate)
        {
            _client = client;
        }

        ClientCertificateChanged?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>The next call(s) answer these roots once each, then the regular ones again.</summary>
    public void AnswerOnce(params X509Certificate2[] roots)
    {
        lock (_gate)
        {
            _next.Enqueue([.. roots]);
        }
    }

    public X509Certificate2Collection GetCsmsRootCertificates()
    {
        lock (_gate)
        {
            return _next.Count > 0 ? _next.Dequeue() : _roots;
        }
    }

    public X509Certificate2? GetClientCertificate()
    {
        lock (_gate)
        {
            return _client;
        }
    }
}
