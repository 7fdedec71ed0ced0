using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Ocpp.Transport;

/// <summary>
/// Checks the CSMS server certificate (A00.FR.308-311): the chain must end in one of the installed CSMS root
/// certificates, a custom trust store rather than the OS store; the host name must match; wildcard names are
/// refused unless <c>AllowCSMSTLSWildcards</c> (errata 2025-06 §2.43). Revocation is not checked: a station often
/// cannot reach CRL/OCSP endpoints.
/// </summary>
internal sealed class CsmsCertificateValidator
{
    private readonly X509Certificate2Collection _roots;
    private readonly bool _allowWildcards;
    private readonly TimeProvider _timeProvider;

    public CsmsCertificateValidator(X509Certificate2Collection roots, bool allowWildcards, TimeProvider timeProvider)
    {
        _roots = roots;
        _allowWildcards = allowWildcards;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the issuers above the server certificate in the last accepted chain, up to the trust anchor (copies).</summary>
    public X509Certificate2Collection VerifiedIssuers { get; } = [];

    public bool Validate(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors, out string reason)
    {
        foreach (var stale in VerifiedIssuers)
        {
            stale.Dispose();
        }

        VerifiedIssuers.Clear();
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            reason = "no server certificate";
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reason = "host name does not match the certificate";
            return false;
        }

        if (_roots.Count == 0)
        {
            reason = "no CSMS root certificate installed";
            return false;
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _timeProvider.GetUtcNow().UtcDateTime;
        if (presentedChain is not null)
        {
            // Intermediates sent by the server may complete the path; they are not trusted by themselves.
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(leaf))
        {
            reason = "chain not trusted: " + string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()));
            return false;
        }

        if (!_allowWildcards && HasWildcardName(leaf))
        {
            reason = "wildcard certificate refused (AllowCSMSTLSWildcards is false)";
            return false;
        }

        // M05.FR.13: which installed root actually anchored the chain tells the station whether a new root is in use.
        foreach (var element in chain.ChainElements.Skip(1))
        {
            VerifiedIssuers.Add(X509CertificateLoader.LoadCertificate(element.Certificate.RawData));
        }

        reason = string.Empty;
        return true;
    }

    private static bool HasWildcardName(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san && san.EnumerateDnsNames().Any(n => n.Contains('*', StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false).Contains('*', StringComparison.Ordinal);
    }
}
