using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Station.Firmware;

/// <summary>
/// The two checks of a secure firmware update: the signing certificate chains directly to an installed
/// ManufacturerRootCertificate and is valid now (L01.FR.12/21, no intermediates per the L01 remarks), and the signature
/// over the SHA-256 of the whole image verifies with its key (L01.FR.04). ECDSA (DER or IEEE P1363 encoding) and RSA
/// (PSS as the spec names it, PKCS#1 v1.5 as manufacturers' tools commonly produce) are accepted.
/// </summary>
public static class FirmwareSignatureVerifier
{
    /// <summary>Parses and validates a PEM signing certificate against the manufacturer roots.</summary>
    /// <param name="pem">The <c>signingCertificate</c> field.</param>
    /// <param name="manufacturerRoots">DER of the installed ManufacturerRootCertificates.</param>
    /// <param name="now">The station time.</param>
    /// <param name="reason">Why it failed, for statusInfo and the security event's techInfo.</param>
    /// <returns>The certificate (caller disposes) or null when invalid.</returns>
    public static X509Certificate2? ValidateCertificate(string? pem, IEnumerable<byte[]> manufacturerRoots, DateTimeOffset now, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(manufacturerRoots);
        if (string.IsNullOrWhiteSpace(pem))
        {
            reason = "No signing certificate";
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            reason = "Signing certificate is not a PEM X.509 certificate";
            return null;
        }

        var roots = manufacturerRoots.Select(X509CertificateLoader.LoadCertificate).ToList();
        try
        {
            if (roots.Count == 0)
            {
                reason = "No ManufacturerRootCertificate installed";
                certificate.Dispose();
                return null;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            if (!chain.Build(certificate))
            {
                reason = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
                reason = reason.Length == 0 ? "Signing certificate does not chain to a ManufacturerRootCertificate" : reason;
                certificate.Dispose();
                return null;
            }

            // The manufacturer signs with a certificate issued by the root itself (L01 remarks: no intermediates).
            if (chain.ChainElements.Count != 2)
            {
                reason = "Signing certificate is not issued directly by a ManufacturerRootCertificate";
                certificate.Dispose();
                return null;
            }

            reason = null;
            return certificate;
        }
        finally
        {
            foreach (var root in roots)
            {
                root.Dispose();
            }
        }
    }

    /// <summary>Verifies a base64 signature over the SHA-256 of a file.</summary>
    /// <param name="certificate">The validated signing certificate.</param>
    /// <param name="signatureBase64">The <c>signature</c> field.</param>
    /// <param name="imagePath">The downloaded image.</param>
    /// <returns>True when it verifies.</returns>
    public static bool VerifyImage(X509Certificate2 certificate, string? signatureBase64, string imagePath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (string.IsNullOrWhiteSpace(signatureBase64))
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return false;
        }

        byte[] hash;
        using (var image = File.OpenRead(imagePath))
        {
            hash = SHA256.HashData(image);
        }

        try
        {
            if (certificate.GetECDsaPublicKey() is { } ecdsa)
            {
                using (ecdsa)
                {
                    return ecdsa.VerifyHash(hash, signature, DSASignatureFormat.Rfc3279DerSequence)
                        || ecdsa.VerifyHash(hash, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }
            }

            if (certificate.GetRSAPublicKey() is { } rsa)
            {
                using (rsa)
                {
                    return rsa.VerifyHash(hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
                        || rsa.VerifyHash(hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }
            }
        }
        catch (CryptographicException)
        {
            return false;
        }

        return false;
    }
}
