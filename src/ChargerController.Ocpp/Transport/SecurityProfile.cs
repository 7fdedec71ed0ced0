namespace ChargerController.Ocpp.Transport;

/// <summary>The OCPP security profiles of Part 2 A00 (one active at a time, A00.FR.001).</summary>
public enum SecurityProfile
{
    /// <summary>Profile 1: <c>ws://</c> with HTTP Basic authentication (only for trusted networks).</summary>
    UnsecuredTransportWithBasicAuthentication = 1,

    /// <summary>Profile 2: <c>wss://</c> (TLS ≥ 1.2, CSMS certificate checked against the installed CSMS root certificates) with HTTP Basic authentication.</summary>
    TlsWithBasicAuthentication = 2,

    /// <summary>Profile 3: <c>wss://</c> with a client-side certificate identifying the station; no Basic authentication.</summary>
    TlsWithClientSideCertificates = 3,
}
