using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Ocpp.Transport;

/// <summary>
/// Where and how a station connects (Part 4 ch. 3, 5, 8; Part 2 A00). A class rather than a record on purpose: its
/// <see cref="object.ToString"/> must never print <see cref="BasicAuthPassword"/>.
/// </summary>
public sealed class WebSocketTransportOptions
{
    /// <summary>Gets the CSMS OCPP-J endpoint URL (<c>ws://</c> for profile 1, <c>wss://</c> for 2 and 3), without the station id.</summary>
    public required Uri CsmsUrl { get; init; }

    /// <summary>Gets the charging station identity: appended percent-encoded to the URL, and the Basic-auth user (≤ 48 chars, no ':').</summary>
    public required string StationId { get; init; }

    /// <summary>Gets the security profile. Default profile 2.</summary>
    public SecurityProfile SecurityProfile { get; init; } = SecurityProfile.TlsWithBasicAuthentication;

    /// <summary>Gets the <c>SecurityCtrlr.BasicAuthPassword</c> for profiles 1 and 2. Never logged.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>Gets the installed CSMS root certificates: the only trust anchors for the server certificate (not the OS store).</summary>
    public X509Certificate2Collection CsmsRootCertificates { get; init; } = [];

    /// <summary>Gets the station certificate with private key, for profile 3.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Gets the versions offered, most preferred first (Part 4 §3.1.2). Default 2.1 then 2.0.1.</summary>
    public IReadOnlyList<OcppVersion> OfferedVersions { get; init; } = [OcppVersion.V21, OcppVersion.V201];

    /// <summary>Gets <c>OCPPCommCtrlr.WebSocketPingInterval</c>: period of WebSocket pings; zero disables them (Part 4 §8.4). Default 30 s.</summary>
    public TimeSpan WebSocketPingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the largest frame accepted; larger ones are discarded and answered with FormatViolation. Default 64 KiB.</summary>
    public int MaxFrameBytes { get; init; } = 64 * 1024;

    /// <summary>Gets <c>OCPPCommCtrlr.RetryBackOffWaitMinimum</c> (Part 4 §8.3). Default 10 s.</summary>
    public TimeSpan RetryBackOffWaitMinimum { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets <c>OCPPCommCtrlr.RetryBackOffRandomRange</c> (Part 4 §8.2). Default 10 s.</summary>
    public TimeSpan RetryBackOffRandomRange { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets <c>OCPPCommCtrlr.RetryBackOffRepeatTimes</c> (Part 4 §8.1). Default 5.</summary>
    public int RetryBackOffRepeatTimes { get; init; } = 5;

    /// <summary>Gets the limit for TCP + TLS + WebSocket handshake of one attempt. Default 30 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets <c>SecurityCtrlr.AllowCSMSTLSWildcards</c> (errata 2025-06 §2.43): accept a wildcard server certificate. Default false.</summary>
    public bool AllowCsmsTlsWildcards { get; init; }

    /// <summary>
    /// Gets the provider asked before every attempt where to connect (network connection profiles, B09/B10); null = always
    /// these options. The options themselves stay the validated default target.
    /// </summary>
    public IConnectionTargetProvider? ConnectionTargets { get; init; }

    /// <summary>Checks the options against Part 4 §3.1.1 and Part 2 A00.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(StationId) || StationId.Length > 48 || StationId.Contains(':', StringComparison.Ordinal))
        {
            problems.Add("StationId must have 1 to 48 characters and no ':' (Part 4 §3.1.1).");
        }

        if (CsmsUrl is null || !CsmsUrl.IsAbsoluteUri)
        {
            problems.Add("CsmsUrl must be an absolute ws:// or wss:// URL.");
            return problems;
        }

        if (!string.IsNullOrEmpty(CsmsUrl.UserInfo))
        {
            problems.Add("CsmsUrl must not carry credentials; use BasicAuthPassword.");
        }

        var scheme = CsmsUrl.Scheme;
        if (SecurityProfile == SecurityProfile.UnsecuredTransportWithBasicAuthentication && scheme != "ws")
        {
            problems.Add("Security profile 1 uses a ws:// URL.");
        }

        if (SecurityProfile != SecurityProfile.UnsecuredTransportWithBasicAuthentication && scheme != "wss")
        {
            problems.Add("Security profiles 2 and 3 use a wss:// URL.");
        }

        if (SecurityProfile != SecurityProfile.TlsWithClientSideCertificates && string.IsNullOrEmpty(BasicAuthPassword))
        {
            problems.Add("Security profiles 1 and 2 need BasicAuthPassword.");
        }

        if (SecurityProfile == SecurityProfile.TlsWithClientSideCertificates && ClientCertificate is not { HasPrivateKey: true })
        {
            problems.Add("Security profile 3 needs a ClientCertificate with its private key.");
        }

        if (SecurityProfile != SecurityProfile.UnsecuredTransportWithBasicAuthentication && CsmsRootCertificates.Count == 0)
        {
            problems.Add("Security profiles 2 and 3 need at least one CSMS root certificate (A05.FR.02/03).");
        }

        if (OfferedVersions.Count == 0)
        {
            problems.Add("Offer at least one OCPP version.");
        }

        if (WebSocketPingInterval < TimeSpan.Zero)
        {
            problems.Add("WebSocketPingInterval must not be negative (Part 4 §8.4).");
        }

        if (MaxFrameBytes < 1024)
        {
            problems.Add("MaxFrameBytes must be at least 1024.");
        }

        if (RetryBackOffWaitMinimum < TimeSpan.Zero || RetryBackOffRandomRange < TimeSpan.Zero || RetryBackOffRepeatTimes < 0)
        {
            problems.Add("Retry back-off settings must not be negative.");
        }

        return problems;
    }

    /// <summary>Describes the options without secrets.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => $"{CsmsUrl} as {StationId}, profile {(int)SecurityProfile}";
}
