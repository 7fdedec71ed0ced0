using System.Security.Cryptography.X509Certificates;
using ChargerController.Ocpp.Transport;
using ChargerController.Worker.Configuration;

namespace ChargerController.Worker.Ocpp;

/// <summary>Where and how chargerd connects to its CSMS, resolved once at start (secrets read, files checked).</summary>
/// <param name="Url">The CSMS endpoint, or <see langword="null"/> when none is configured (the station runs offline).</param>
/// <param name="Profile">Security profile.</param>
/// <param name="Password">Basic-auth password.</param>
/// <param name="RootCertificates">CSMS root certificates (profile 2).</param>
internal sealed record CsmsEndpoint(Uri? Url, SecurityProfile Profile, string? Password, X509Certificate2Collection RootCertificates)
{
    /// <summary>No CSMS: the station keeps working offline.</summary>
    public static CsmsEndpoint None { get; } = new(null, SecurityProfile.UnsecuredTransportWithBasicAuthentication, null, []);

    /// <summary>Resolves the configured endpoint; <paramref name="errors"/> lists what a technician must fix.</summary>
    public static CsmsEndpoint? Resolve(ChargerdOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.CsmsUrl))
        {
            return None;
        }

        var url = new Uri(options.CsmsUrl);
        var password = SecretFile.TryRead(options.BasicAuthPasswordFile, out var error);
        if (password is null)
        {
            errors.Add($"Chargerd:BasicAuthPasswordFile: {error}.");
        }

        X509Certificate2Collection roots = [];
        if (options.SecurityProfile == 2)
        {
            try
            {
                roots.ImportFromPemFile(options.CsmsRootCertificateFile!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                errors.Add($"Chargerd:CsmsRootCertificateFile '{options.CsmsRootCertificateFile}': {ex.Message}");
            }
        }

        return errors.Count > 0
            ? null
            : new CsmsEndpoint(url, (SecurityProfile)options.SecurityProfile, password, roots);
    }
}
