using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Station.Security;

/// <summary>
/// Where a certificate's revocation status can be asked (M07): the OCSP responders of its Authority Information Access
/// extension and the URLs of its CRL Distribution Points (RFC 5280 §4.2.1.13).
/// </summary>
public static class RevocationSources
{
    private const string CrlDistributionPointsOid = "2.5.29.31";

    /// <summary>Gets the OCSP responder URLs.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The URLs, empty when none.</returns>
    public static IReadOnlyList<string> OcspUrls(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var aia = certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>().FirstOrDefault();
        return aia is null ? [] : [.. aia.EnumerateOcspUris()];
    }

    /// <summary>Gets the CRL URLs (fullName URIs of every distribution point).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The URLs, empty when none or when the extension cannot be read.</returns>
    public static IReadOnlyList<string> CrlUrls(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var extension = certificate.Extensions[CrlDistributionPointsOid];
        if (extension is null)
        {
            return [];
        }

        var urls = new List<string>();
        try
        {
            // CRLDistributionPoints ::= SEQUENCE OF DistributionPoint; DistributionPoint ::= SEQUENCE { [0] distributionPoint
            // { [0] fullName GeneralNames } OPTIONAL, ... }; GeneralName [6] = uniformResourceIdentifier (IA5String).
            var points = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (points.HasData)
            {
                var point = points.ReadSequence();
                if (!point.HasData || !point.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    continue;
                }

                var name = point.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true));
                if (!name.HasData || !name.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    continue;
                }

                var fullName = name.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true));
                while (fullName.HasData)
                {
                    var tag = fullName.PeekTag();
                    if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 6)))
                    {
                        urls.Add(fullName.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6)));
                    }
                    else
                    {
                        fullName.ReadEncodedValue();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            // A malformed extension names no URL; the certificate is then not checked rather than crashing the check.
            return [.. urls];
        }

        return urls;
    }
}
