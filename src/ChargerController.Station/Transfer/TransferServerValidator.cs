using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Station.Transfer;

/// <summary>
/// Decides whether a file server's TLS certificate (HTTPS, FTPS) is trusted: when the operating system's CAs trust it
/// (N01.FR.16: "the log file storage of CSMS may be a cloud service operated separately from the CSMS") or when it chains
/// to an installed CSMSRootCertificate (N01.FR.15: "SHALL at least support the CSMS trust chain for secure transports").
/// The host name must match either way. Firmware servers get the same rule: L01 names no trust store of its own, and the
/// image's authenticity comes from its signature (L01.FR.09), the transport only keeps it confidential (L01.FR.08).
/// </summary>
public sealed class TransferServerValidator
{
    private readonly Func<X509Certificate2Collection> _csmsRoots;

    /// <summary>Initializes a new instance of the <see cref="TransferServerValidator"/> class.</summary>
    /// <param name="csmsRoots">The installed CSMS root certificates (read at each handshake, the caller's copies are disposed); null = operating system trust only.</param>
    public TransferServerValidator(Func<X509Certificate2Collection>? csmsRoots = null) => _csmsRoots = csmsRoots ?? (() => []);

    /// <summary>The <see cref="RemoteCertificateValidationCallback"/>.</summary>
    /// <param name="sender">The TLS stream.</param>
    /// <param name="certificate">The server certificate.</param>
    /// <param name="chain">The chain the platform built.</param>
    /// <param name="errors">What the platform found wrong.</param>
    /// <returns>True when trusted.</returns>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        var roots = _csmsRoots();
        try
        {
            if (roots.Count == 0)
            {
                return false;
            }

            using var own = new X509Chain();
            own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            own.ChainPolicy.CustomTrustStore.AddRange(roots);
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                {
                    own.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return own.Build(leaf);
        }
        finally
        {
            foreach (var root in roots)
            {
                root.Dispose();
            }
        }
    }
}
