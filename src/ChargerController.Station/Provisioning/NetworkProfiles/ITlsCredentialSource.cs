using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Station.Provisioning.NetworkProfiles;

/// <summary>
/// The TLS credentials a network connection profile of security profile 2 or 3 needs: the installed CSMS root
/// certificates (trust anchors) and the station's client certificate. The certificate block implements it over its
/// store; without one the configured files are used (<see cref="ConfiguredTlsCredentials"/>).
/// </summary>
public interface ITlsCredentialSource
{
    /// <summary>Raised when the client certificate was replaced (A02.FR.08: the station reconnects with the new one).</summary>
    event EventHandler? ClientCertificateChanged;

    /// <summary>Gets the installed CSMS root certificates (A05.FR.02); empty when none.</summary>
    /// <returns>The roots.</returns>
    X509Certificate2Collection GetCsmsRootCertificates();

    /// <summary>
    /// Gets the CSMS root certificates to verify a CSMS with while migrating to it (B10): M05.FR.15 leaves out the
    /// fallback root kept after a root rollover, so a new CSMS is verified with the new root only.
    /// </summary>
    /// <returns>The roots.</returns>
    X509Certificate2Collection GetCsmsRootCertificatesForMigration() => GetCsmsRootCertificates();

    /// <summary>
    /// Learns which certificates verified the CSMS on a successful connection (the issuers above its server certificate,
    /// up to the trust anchor), so that a fallback root kept after a rollover can go once the new root is in use
    /// (M05.FR.13). The default does nothing.
    /// </summary>
    /// <param name="verifiedIssuers">The verified issuers; valid only during the call.</param>
    void OnCsmsVerified(X509Certificate2Collection verifiedIssuers)
    {
    }

    /// <summary>Gets the valid ChargingStationCertificate with its private key (A05.FR.03); null when none.</summary>
    /// <returns>The certificate.</returns>
    X509Certificate2? GetClientCertificate();
}
