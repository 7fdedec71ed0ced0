using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.ISO15118CertificateManagement;

namespace ChargerController.Station.Security;

/// <content>Revocation status of certificate chains through the CSMS (M07, GetCertificateChainStatus, 2.1).</content>
public sealed partial class CertificateManager
{
    /// <summary>How long a status may be cached at most (M07.FR.09: one week, ISO 15118-20).</summary>
    public static TimeSpan ChainStatusCacheLimit => TimeSpan.FromDays(7);

    private readonly Dictionary<string, (CertificateStatusType Status, DateTimeOffset Expires)> _chainStatus = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets the revocation status of every certificate of a chain (leaf first, root last) that names an OCSP responder
    /// or a CRL: cached answers younger than their nextUpdate and a week are reused (M07.FR.10), the rest is asked in
    /// one GetCertificateChainStatus (M07.FR.11) and cached (M07.FR.09). Certificates naming neither are not reported.
    /// </summary>
    /// <param name="chain">The chain, each certificate followed by its issuer.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>One status per checkable certificate, in chain order.</returns>
    public async Task<IReadOnlyList<CertificateStatusType>> GetChainStatusAsync(IReadOnlyList<X509Certificate2> chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var sender = _sender ?? throw new InvalidOperationException("Not attached to a runtime.");
        var now = _time.GetUtcNow();
        var wanted = new List<(string Key, CertificateStatusRequestInfoType Request)>();
        var known = new Dictionary<string, CertificateStatusType>(StringComparer.Ordinal);
        for (var i = 0; i < chain.Count; i++)
        {
            var issuer = i + 1 < chain.Count ? chain[i + 1] : chain[i];
            var hash = CertificateHashes.Of(chain[i], issuer);
            var key = Key(hash);
            lock (_gate)
            {
                if (_chainStatus.TryGetValue(key, out var cached) && cached.Expires > now)
                {
                    known[key] = cached.Status;
                    continue;
                }
            }

            var ocsp = RevocationSources.OcspUrls(chain[i]);
            IReadOnlyList<string> crl = ocsp.Count > 0 ? [] : RevocationSources.CrlUrls(chain[i]);
            if (ocsp.Count == 0 && crl.Count == 0)
            {
                continue;
            }

            wanted.Add((key, new CertificateStatusRequestInfoType
            {
                CertificateHashData = hash,
                Source = ocsp.Count > 0 ? CertificateStatusSourceEnumType.OCSP : CertificateStatusSourceEnumType.CRL,
                Urls = [.. (ocsp.Count > 0 ? ocsp : crl).Take(5)],
            }));
        }

        if (wanted.Count > 0)
        {
            var response = await sender.CallAsync<GetCertificateChainStatusRequest, GetCertificateChainStatusResponse>(
                new GetCertificateChainStatusRequest { CertificateStatusRequests = [.. wanted.Select(w => w.Request)] },
                cancellationToken).ConfigureAwait(false);
            foreach (var status in response.CertificateStatus ?? [])
            {
                var key = Key(status.CertificateHashData);
                if (!wanted.Any(w => w.Key == key))
                {
                    continue;
                }

                known[key] = status;

                // A Failed answer is not worth keeping: the next check asks again.
                if (status.Status != CertificateStatusEnumType.Failed)
                {
                    var expires = status.NextUpdate < now + ChainStatusCacheLimit ? status.NextUpdate : now + ChainStatusCacheLimit;
                    lock (_gate)
                    {
                        _chainStatus[key] = (status, expires);
                    }
                }
            }
        }

        var result = new List<CertificateStatusType>();
        for (var i = 0; i < chain.Count; i++)
        {
            var issuer = i + 1 < chain.Count ? chain[i + 1] : chain[i];
            if (known.TryGetValue(Key(CertificateHashes.Of(chain[i], issuer)), out var status))
            {
                result.Add(status);
            }
        }

        return result;
    }

    private static string Key(CertificateHashDataType hash) =>
        string.Join('|', hash.HashAlgorithm, hash.IssuerNameHash.ToUpperInvariant(), hash.IssuerKeyHash.ToUpperInvariant(), hash.SerialNumber.TrimStart('0').ToUpperInvariant());
}
