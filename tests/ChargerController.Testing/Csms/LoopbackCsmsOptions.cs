using System.Security.Cryptography.X509Certificates;

namespace ChargerController.Testing.Csms;

/// <summary>How the loopback CSMS behaves at connection time.</summary>
public sealed class LoopbackCsmsOptions
{
    /// <summary>Gets the subprotocols the CSMS supports; it picks the station's most preferred one among them. Empty = "none" (accept, then close, Part 4 §3.3).</summary>
    public IReadOnlyList<string> SupportedSubprotocols { get; init; } = ["ocpp2.1", "ocpp2.0.1"];

    /// <summary>Gets the expected Basic-auth password (user = station id); null = no check.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>Gets the TLS server certificate; null = plain ws://.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Gets the TLS versions the server offers; null = TLS 1.2 and 1.3. TC_A_06 offers only older ones.</summary>
    public System.Security.Authentication.SslProtocols? ServerSslProtocols { get; init; }

    /// <summary>Gets the CA that client certificates must chain to; when set, a client certificate is required (profile 3).</summary>
    public X509Certificate2? ClientCertificateCa { get; init; }

    /// <summary>
    /// Gets the host name put in <see cref="LoopbackCsms.Endpoint"/> (the server always binds 127.0.0.1); null = "localhost"
    /// with TLS (the test server certificate's name) and "127.0.0.1" without.
    /// </summary>
    public string? HostName { get; init; }

    /// <summary>Gets the endpoint path the station id is appended to.</summary>
    public string Path { get; init; } = "/ocpp";

    /// <summary>Gets the clock used to time-stamp attempts and frames.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
