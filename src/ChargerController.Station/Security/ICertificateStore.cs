namespace ChargerController.Station.Security;

/// <summary>
/// Durable storage of certificates and private keys (the Storage project keeps them as files under the state directory,
/// mode 0600). Keys are PKCS#8 DER; they never leave the store except to build the TLS client credential.
/// </summary>
public interface ICertificateStore
{
    /// <summary>Loads every stored certificate.</summary>
    /// <returns>The certificates.</returns>
    IReadOnlyList<StoredCertificate> LoadAll();

    /// <summary>Stores a certificate durably (no duplicate for the same use and bytes).</summary>
    /// <param name="certificate">The certificate.</param>
    void Save(StoredCertificate certificate);

    /// <summary>Removes a certificate; absent ones are ignored.</summary>
    /// <param name="certificate">The certificate (use and bytes).</param>
    void Delete(StoredCertificate certificate);

    /// <summary>Stores a private key durably under a name, replacing any previous one.</summary>
    /// <param name="name">Key name, e.g. <see cref="CertificateUse.ChargingStation"/>.</param>
    /// <param name="pkcs8">PKCS#8 DER.</param>
    void SaveKey(string name, byte[] pkcs8);

    /// <summary>Loads a private key.</summary>
    /// <param name="name">Key name.</param>
    /// <returns>PKCS#8 DER or null.</returns>
    byte[]? LoadKey(string name);

    /// <summary>Deletes a private key; absent ones are ignored.</summary>
    /// <param name="name">Key name.</param>
    void DeleteKey(string name);
}
