namespace ChargerController.Ocpp.Transport;

/// <summary>
/// Chooses where each connection attempt goes (B10 network connection profiles with fallback, A05 security profile
/// upgrades) and learns how it went. Without a provider the transport always uses its own options. Callbacks run on the
/// transport's connection loop: keep them short and never throw.
/// </summary>
public interface IConnectionTargetProvider
{
    /// <summary>Raised by the provider when the current connection must be dropped and re-opened at once (new password, new profile).</summary>
    event EventHandler? ReconnectRequested;

    /// <summary>Called before every attempt.</summary>
    /// <returns>The target of the next attempt; null = the transport's own options.</returns>
    ConnectionTarget? GetTarget();

    /// <summary>Called when an attempt to <paramref name="target"/> succeeded.</summary>
    /// <param name="target">The target that was used (null = the transport's own options).</param>
    void OnConnected(ConnectionTarget? target);

    /// <summary>
    /// Called when an attempt to <paramref name="target"/> succeeded, with the certificates above the CSMS server certificate
    /// in the chain the station verified, ending with the trust anchor (empty without TLS). A root rollover (M05.FR.13)
    /// needs to know which installed root was used. The default forwards to <see cref="OnConnected(ConnectionTarget?)"/>.
    /// </summary>
    /// <param name="target">The target that was used (null = the transport's own options).</param>
    /// <param name="verifiedIssuers">The verified issuers (the transport disposes them after the call).</param>
    void OnConnected(ConnectionTarget? target, System.Security.Cryptography.X509Certificates.X509Certificate2Collection verifiedIssuers) => OnConnected(target);

    /// <summary>Called when an attempt to <paramref name="target"/> failed.</summary>
    /// <param name="target">The target that was used (null = the transport's own options).</param>
    /// <param name="kind">Why.</param>
    /// <param name="reason">Details for logs (no secrets).</param>
    void OnConnectFailed(ConnectionTarget? target, ConnectFailureKind kind, string reason);
}
