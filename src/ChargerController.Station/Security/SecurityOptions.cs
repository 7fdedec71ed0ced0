namespace ChargerController.Station.Security;

/// <summary>Options of the certificate block.</summary>
public sealed class SecurityOptions
{
    /// <summary>Gets the algorithm of generated key pairs. Default ECDSA P-256.</summary>
    public CertificateKeyAlgorithm KeyAlgorithm { get; init; } = CertificateKeyAlgorithm.EcdsaP256;
}
