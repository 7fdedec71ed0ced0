namespace ChargerController.Ocpp.Transport;

/// <summary>Why a connection attempt failed, as far as the station can tell (drives the A04 security events and the B10 fallback).</summary>
public enum ConnectFailureKind
{
    /// <summary>DNS, TCP, timeout or any other network failure.</summary>
    Unreachable,

    /// <summary>The CSMS answered the upgrade with an HTTP error other than 401.</summary>
    Refused,

    /// <summary>The CSMS answered 401: the credentials were rejected (security event <c>FailedToAuthenticateAtCsms</c>).</summary>
    Unauthorized,

    /// <summary>The server certificate failed validation (security event <c>InvalidCsmsCertificate</c>, A00.FR.310/311).</summary>
    InvalidCsmsCertificate,

    /// <summary>The server offered only a TLS version below 1.2 (security event <c>InvalidTLSVersion</c>, A00.FR.314).</summary>
    InvalidTlsVersion,

    /// <summary>No common cipher suite (security event <c>InvalidTLSCipherSuite</c>, A00.FR.316).</summary>
    InvalidTlsCipherSuite,

    /// <summary>The TLS handshake failed for another reason.</summary>
    TlsHandshakeFailed,

    /// <summary>The CSMS accepted none of the offered subprotocols.</summary>
    NoSubprotocol,

    /// <summary>The target itself is unusable (e.g. profile 3 without a client certificate).</summary>
    InvalidTarget,
}
