namespace ChargerController.Station.Security;

/// <summary>One certificate as kept by an <see cref="ICertificateStore"/>: what it is used for and its DER bytes.</summary>
/// <param name="Use">A <see cref="CertificateUse"/> name.</param>
/// <param name="Der">The DER-encoded certificate.</param>
public sealed record StoredCertificate(string Use, byte[] Der);
