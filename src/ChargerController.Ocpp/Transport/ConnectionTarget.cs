using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Ocpp.Transport;

/// <summary>
/// Where one connection attempt goes (one network connection profile, B09): the endpoint, the security profile and its
/// credentials. Null members fall back to <see cref="WebSocketTransportOptions"/>. A class, not a record, so that
/// <see cref="object.ToString"/> can never print the password.
/// </summary>
public sealed class ConnectionTarget
{
    /// <summary>Gets the CSMS OCPP-J endpoint URL, without the station id.</summary>
    public required Uri CsmsUrl { get; init; }

    /// <summary>Gets the security profile of this target.</summary>
    public required SecurityProfile SecurityProfile { get; init; }

    /// <summary>Gets the Basic-auth password (profiles 1 and 2); null = <see cref="WebSocketTransportOptions.BasicAuthPassword"/>. Never logged.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>
    /// Gets the station identity to connect as (last URL path segment and Basic-auth user, A00.FR.203); null =
    /// <see cref="WebSocketTransportOptions.StationId"/>. Set by a network connection profile that carries its own
    /// <c>identity</c> (OCPP 2.1 B09).
    /// </summary>
    public string? StationId { get; init; }

    /// <summary>Gets the trust anchors for the server certificate; null = <see cref="WebSocketTransportOptions.CsmsRootCertificates"/>.</summary>
    public X509Certificate2Collection? CsmsRootCertificates { get; init; }

    /// <summary>Gets the client certificate with key (profile 3); null = <see cref="WebSocketTransportOptions.ClientCertificate"/>.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Gets a label for logs and callbacks (e.g. the configuration slot); no secrets.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Describes the target without secrets.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => $"{Name} {CsmsUrl}, profile {(int)SecurityProfile}";
}
