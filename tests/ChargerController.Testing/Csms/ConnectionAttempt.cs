namespace ChargerController.Testing.Csms;

/// <summary>One HTTP upgrade request that reached the CSMS, and how it was answered.</summary>
/// <param name="At">When (CSMS clock).</param>
/// <param name="RawTarget">The request target exactly as sent (still percent-encoded).</param>
/// <param name="StationId">The decoded last path segment.</param>
/// <param name="Authorization">The Authorization header, if any.</param>
/// <param name="RequestedSubprotocols">Sec-WebSocket-Protocol values in the order offered.</param>
/// <param name="ClientCertificateSubject">Subject of the TLS client certificate, if one was presented.</param>
/// <param name="StatusCode">HTTP status answered (101 when upgraded).</param>
/// <param name="SelectedSubprotocol">The subprotocol the CSMS chose, if any.</param>
public sealed record ConnectionAttempt(
    DateTimeOffset At,
    string RawTarget,
    string StationId,
    string? Authorization,
    IReadOnlyList<string> RequestedSubprotocols,
    string? ClientCertificateSubject,
    int StatusCode,
    string? SelectedSubprotocol);
