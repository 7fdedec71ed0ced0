using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Security;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Diagnostics;

namespace ChargerController.Station.Security;

/// <content>The CSMS-initiated operations: InstallCertificate, GetInstalledCertificateIds, DeleteCertificate, CertificateSigned.</content>
public sealed partial class CertificateManager
{
    /// <summary>The security event for a refused CertificateSigned chain (A02.FR.07).</summary>
    public const string InvalidChargingStationCertificate = "InvalidChargingStationCertificate";

    /// <summary>Installs a CA certificate (M05): a parsable, currently valid CA certificate is stored, anything else refused.</summary>
    /// <param name="use">Certificate type.</param>
    /// <param name="pem">PEM text.</param>
    /// <param name="reason">Why it was refused.</param>
    /// <returns>The answer status.</returns>
    internal InstallCertificateStatusEnumType Install(InstallCertificateUseEnumType use, string pem, out string? reason)
    {
        var useName = UseName(use);
        X509Certificate2Collection parsed = [];
        try
        {
            parsed.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            parsed.Clear();
        }

        reason = null;
        using var certificate = parsed.Count == 1 ? parsed[0] : null;
        if (certificate is null)
        {
            reason = "not exactly one PEM certificate";
        }
        else if (!IsValidNow(certificate))
        {
            // M05.FR.?? / TC_M_07: expired (or not yet valid) certificates are refused.
            reason = "outside its validity period";
        }
        else if (!IsCa(certificate))
        {
            reason = "not a CA certificate";
        }

        var replaced = new List<StoredCertificate>();
        if (reason is null && useName == CertificateUse.CsmsRoot && AdditionalRootCertificateCheck)
        {
            replaced.AddRange(_store.LoadAll().Where(c => c.Use == CertificateUse.CsmsRoot));

            // M05.FR.10/11: the new CSMS root must be signed by the one it replaces (the first one installs freely).
            if (replaced.Count > 0 && !replaced.Any(old => SignedBy(certificate!, old)))
            {
                reason = "not signed by the installed CSMSRootCertificate (AdditionalRootCertificateCheck)";
            }
        }

        if (reason is not null)
        {
            SecurityLog.Refused(_logger, useName, reason);
            return InstallCertificateStatusEnumType.Rejected;
        }

        try
        {
            if (replaced.Count > 0)
            {
                // M05.FR.09/12: one CSMS root plus one fallback: the replaced root becomes the fallback, an older one goes.
                foreach (var fallback in _store.LoadAll().Where(c => c.Use == CertificateUse.CsmsRootFallback))
                {
                    _store.Delete(fallback);
                }

                foreach (var old in replaced)
                {
                    _store.Delete(old);
                    _store.Save(new StoredCertificate(CertificateUse.CsmsRootFallback, old.Der));
                }
            }

            _store.Save(new StoredCertificate(useName, certificate!.RawData));
        }
#pragma warning disable CA1031 // M05.FR.03: storing failed → Failed, never a crash.
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
#pragma warning restore CA1031
        {
            reason = "could not be stored";
            return InstallCertificateStatusEnumType.Failed;
        }

        SecurityLog.Installed(_logger, useName, certificate.Subject, certificate.SerialNumber);
        return InstallCertificateStatusEnumType.Accepted;
    }

    /// <summary>Lists installed CA certificates by type (M03); null or empty = all types.</summary>
    /// <param name="types">Requested types.</param>
    /// <returns>The hash data, empty when none.</returns>
    internal IReadOnlyList<CertificateHashDataChainType> List(GetCertificateIdUseEnumType[]? types)
    {
        var result = new List<CertificateHashDataChainType>();
        foreach (var stored in _store.LoadAll())
        {
            if (IdUse(stored.Use) is not { } type || (types is { Length: > 0 } && !types.Contains(type)))
            {
                continue;
            }

            using var certificate = X509CertificateLoader.LoadCertificate(stored.Der);
            result.Add(new CertificateHashDataChainType { CertificateType = type, CertificateHashData = CertificateHashes.Of(certificate, certificate) });
        }

        return result;
    }

    /// <summary>Deletes an installed certificate (M04): never the station certificate (M04.FR.06), never the last CSMS root while TLS uses it.</summary>
    /// <param name="hash">Which certificate.</param>
    /// <returns>The answer status.</returns>
    internal DeleteCertificateStatusEnumType Delete(CertificateHashDataType hash)
    {
        var all = _store.LoadAll();
        foreach (var stored in all)
        {
            using var certificate = X509CertificateLoader.LoadCertificate(stored.Der);
            using var issuer = IssuerOf(certificate, all);
            if (!CertificateHashes.Matches(CertificateHashes.Of(certificate, issuer ?? certificate, hash.HashAlgorithm), hash))
            {
                continue;
            }

            if (stored.Use is CertificateUse.ChargingStation or CertificateUse.ChargingStationChain)
            {
                return DeleteCertificateStatusEnumType.Failed;
            }

            var activeProfile = _model.GetInt(DeviceModelCatalog.SecurityCtrlr, "SecurityProfile", 1);
            if (stored.Use == CertificateUse.CsmsRoot && activeProfile >= 2 && all.Count(c => c.Use == CertificateUse.CsmsRoot) == 1)
            {
                // Without it the station could never reconnect over TLS.
                return DeleteCertificateStatusEnumType.Failed;
            }

            _store.Delete(stored);
            SecurityLog.Deleted(_logger, stored.Use, certificate.Subject);
            return DeleteCertificateStatusEnumType.Accepted;
        }

        return DeleteCertificateStatusEnumType.NotFound;
    }

    /// <summary>
    /// Validates and installs a signed ChargingStationCertificate (A02.FR.06-08, A03): it must answer our pending request,
    /// carry the pending key, be valid now and chain to an installed CSMS root; else Rejected and the security event
    /// InvalidChargingStationCertificate.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="reason">Why it was refused.</param>
    /// <returns>The answer status.</returns>
    internal CertificateSignedStatusEnumType Signed(CertificateSignedRequest request, out string? reason)
    {
        reason = Check(request, out var chain);
        if (reason is not null)
        {
            DisposeAll(chain);
            SecurityLog.Refused(_logger, CertificateUse.ChargingStation, reason);
            RaiseSecurityEvent(InvalidChargingStationCertificate, reason);
            return CertificateSignedStatusEnumType.Rejected;
        }

        var key = _store.LoadKey(PendingKeyName)!;
        try
        {
            foreach (var old in _store.LoadAll().Where(c => c.Use is CertificateUse.ChargingStation or CertificateUse.ChargingStationChain))
            {
                _store.Delete(old);
            }

            _store.SaveKey(CertificateUse.ChargingStation, key);
            _store.Save(new StoredCertificate(CertificateUse.ChargingStation, chain[0].RawData));
            foreach (var intermediate in chain.Skip(1))
            {
                _store.Save(new StoredCertificate(CertificateUse.ChargingStationChain, intermediate.RawData));
            }

            _store.DeleteKey(PendingKeyName);
            _model.SetInternal(PendingRequestIdName, string.Empty);
            var subject = chain[0].Subject;
            var notAfter = chain[0].NotAfter.ToUniversalTime();
            SecurityLog.Renewed(_logger, subject, notAfter);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            DisposeAll(chain);
        }

        lock (_gate)
        {
            _resend?.Cancel();
            _client?.Dispose();
            _client = null;
            _clientLoaded = false;
        }

        return CertificateSignedStatusEnumType.Accepted;
    }

    /// <summary>Announces the new client certificate; called once the CertificateSigned answer went out (house rule 13).</summary>
    internal void AnnounceClientCertificate() => ClientCertificateChanged?.Invoke(this, EventArgs.Empty);

    private string? Check(CertificateSignedRequest request, out List<X509Certificate2> chain)
    {
        chain = [];
        if ((request.CertificateType ?? CertificateSigningUseEnumType.ChargingStationCertificate) != CertificateSigningUseEnumType.ChargingStationCertificate)
        {
            return "only ChargingStationCertificate is handled (no ISO 15118 stack)";
        }

        var pending = PendingRequestId();

        if (request.RequestId is { } id && id != pending)
        {
            // A02.FR.26 (2.1): an unknown requestId is refused.
            return "unknown requestId";
        }

        var key = _store.LoadKey(PendingKeyName);
        if (key is null)
        {
            return "no pending certificate signing request";
        }

        X509Certificate2Collection parsed = [];
        try
        {
            parsed.ImportFromPem(request.CertificateChain);
        }
        catch (CryptographicException)
        {
            parsed.Clear();
        }

        chain.AddRange(parsed);
        if (chain.Count == 0)
        {
            return "no PEM certificate in the chain";
        }

        var leaf = chain[0];
        if (!IsValidNow(leaf))
        {
            return "certificate outside its validity period";
        }

        if (!SameKey(leaf, key))
        {
            return "certificate does not carry the key of the signing request";
        }

        using var validator = new X509Chain();
        validator.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        validator.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        validator.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        var roots = GetCsmsRootCertificates();
        validator.ChainPolicy.CustomTrustStore.AddRange(roots);
        validator.ChainPolicy.ExtraStore.AddRange(chain.Skip(1).ToArray());
        var trusted = roots.Count > 0 && validator.Build(leaf);
        foreach (var root in roots)
        {
            root.Dispose();
        }

        return trusted ? null : "chain does not lead to an installed CSMSRootCertificate";
    }

    private static bool SameKey(X509Certificate2 certificate, byte[] pkcs8)
    {
        try
        {
            if (certificate.GetECDsaPublicKey() is { } ecPublic)
            {
                using (ecPublic)
                using (var ecdsa = ECDsa.Create())
                {
                    ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
                    return ecdsa.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(ecPublic.ExportSubjectPublicKeyInfo());
                }
            }

            if (certificate.GetRSAPublicKey() is { } rsaPublic)
            {
                using (rsaPublic)
                using (var rsa = RSA.Create())
                {
                    rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                    return rsa.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(rsaPublic.ExportSubjectPublicKeyInfo());
                }
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        return false;
    }

    /// <summary>Gets whether SecurityCtrlr.AdditionalRootCertificateCheck is on (M05.FR.09-12).</summary>
    private bool AdditionalRootCertificateCheck =>
        _model.GetBool(DeviceModelCatalog.SecurityCtrlr, "AdditionalRootCertificateCheck", false);

    private static bool SignedBy(X509Certificate2 certificate, StoredCertificate issuer)
    {
        using var root = X509CertificateLoader.LoadCertificate(issuer.Der);
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(root.SubjectName.RawData))
        {
            return false;
        }

        // The signature is checked directly: chain building would want a self-signed anchor, and after a first rollover
        // the installed root is itself signed by its predecessor.
        try
        {
            var outer = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue();
            var oid = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out _);
            HashAlgorithmName? hash = oid switch
            {
                "1.2.840.10045.4.3.2" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
                "1.2.840.10045.4.3.3" or "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
                "1.2.840.10045.4.3.4" or "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
                _ => null,
            };
            if (hash is not { } name)
            {
                return false;
            }

            using (var ecdsa = root.GetECDsaPublicKey())
            {
                if (ecdsa is not null)
                {
                    return oid.StartsWith("1.2.840.10045", StringComparison.Ordinal) && ecdsa.VerifyData(tbs.Span, signature, name, DSASignatureFormat.Rfc3279DerSequence);
                }
            }

            using var rsa = root.GetRSAPublicKey();
            return rsa is not null && oid.StartsWith("1.2.840.113549", StringComparison.Ordinal) && rsa.VerifyData(tbs.Span, signature, name, RSASignaturePadding.Pkcs1);
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            return false;
        }
    }

    private bool IsValidNow(X509Certificate2 certificate)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return certificate.NotBefore.ToUniversalTime() <= now && now <= certificate.NotAfter.ToUniversalTime();
    }

    private static bool IsCa(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    private static X509Certificate2? IssuerOf(X509Certificate2 certificate, IReadOnlyList<StoredCertificate> all)
    {
        if (certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return null;
        }

        foreach (var candidate in all)
        {
            var issuer = X509CertificateLoader.LoadCertificate(candidate.Der);
            if (issuer.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
            {
                return issuer;
            }

            issuer.Dispose();
        }

        return null;
    }

    private static string UseName(InstallCertificateUseEnumType use) => use switch
    {
        InstallCertificateUseEnumType.CSMSRootCertificate => CertificateUse.CsmsRoot,
        InstallCertificateUseEnumType.ManufacturerRootCertificate => CertificateUse.ManufacturerRoot,
        InstallCertificateUseEnumType.V2GRootCertificate => CertificateUse.V2GRoot,
        InstallCertificateUseEnumType.MORootCertificate => CertificateUse.MORoot,
        _ => CertificateUse.OemRoot,
    };

    private static GetCertificateIdUseEnumType? IdUse(string use) => use switch
    {
        CertificateUse.CsmsRoot or CertificateUse.CsmsRootFallback => GetCertificateIdUseEnumType.CSMSRootCertificate,
        CertificateUse.ManufacturerRoot => GetCertificateIdUseEnumType.ManufacturerRootCertificate,
        CertificateUse.V2GRoot => GetCertificateIdUseEnumType.V2GRootCertificate,
        CertificateUse.MORoot => GetCertificateIdUseEnumType.MORootCertificate,
        CertificateUse.OemRoot => GetCertificateIdUseEnumType.OEMRootCertificate,
        _ => null,
    };

    private static void DisposeAll(List<X509Certificate2> certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
