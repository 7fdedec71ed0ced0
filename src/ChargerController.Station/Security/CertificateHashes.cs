using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Security;

/// <summary>
/// The <c>CertificateHashDataType</c> of Part 2 §2 (the OCSP CertID fields of RFC 6960): hash of the issuer's DER name,
/// hash of the issuer's public key bits, and the serial number in hex without leading zeroes.
/// </summary>
public static class CertificateHashes
{
    /// <summary>Computes the hash data of a certificate.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="issuer">Its issuer (the certificate itself for a root).</param>
    /// <param name="algorithm">Hash algorithm.</param>
    /// <returns>The hash data.</returns>
    public static CertificateHashDataType Of(X509Certificate2 certificate, X509Certificate2 issuer, HashAlgorithmEnumType algorithm = HashAlgorithmEnumType.SHA256)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        return new CertificateHashDataType
        {
            HashAlgorithm = algorithm,
            IssuerNameHash = Hex(Hash(algorithm, certificate.IssuerName.RawData)),
            IssuerKeyHash = Hex(Hash(algorithm, issuer.PublicKey.EncodedKeyValue.RawData)),
            SerialNumber = Serial(certificate),
        };
    }

    /// <summary>Whether two hash data name the same certificate (hex compared case-insensitively, serials without leading zeroes).</summary>
    /// <param name="a">One.</param>
    /// <param name="b">The other.</param>
    /// <returns>True when they match.</returns>
    public static bool Matches(CertificateHashDataType a, CertificateHashDataType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.HashAlgorithm == b.HashAlgorithm
            && string.Equals(a.IssuerNameHash, b.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IssuerKeyHash, b.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.SerialNumber.TrimStart('0'), b.SerialNumber.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
    }

    private static string Serial(X509Certificate2 certificate)
    {
        var serial = certificate.SerialNumber.TrimStart('0').ToLowerInvariant();
        return serial.Length == 0 ? "0" : serial;
    }

    private static byte[] Hash(HashAlgorithmEnumType algorithm, byte[] data) => algorithm switch
    {
        HashAlgorithmEnumType.SHA384 => SHA384.HashData(data),
        HashAlgorithmEnumType.SHA512 => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
