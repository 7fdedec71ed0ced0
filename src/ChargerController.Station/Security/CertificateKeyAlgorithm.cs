namespace ChargerController.Station.Security;

/// <summary>The key pair generated for a certificate signing request (A00.FR.502/503: RSA ≥ 2048 bit, EC ≥ 224 bit).</summary>
public enum CertificateKeyAlgorithm
{
    /// <summary>ECDSA on NIST P-256 (default: small, fast on a Pi, TLS_ECDHE_ECDSA suites of A00.FR.319).</summary>
    EcdsaP256,

    /// <summary>RSA 2048 bit, for CSMS PKIs that only issue RSA certificates.</summary>
    Rsa2048,
}
