namespace ChargerController.Station.Security;

/// <summary>A certificate store that forgets everything on restart (tests, and a station without a state directory).</summary>
public sealed class InMemoryCertificateStore : ICertificateStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredCertificate> _certificates = [];
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public IReadOnlyList<StoredCertificate> LoadAll()
    {
        lock (_gate)
        {
            return [.. _certificates];
        }
    }

    /// <inheritdoc/>
    public void Save(StoredCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_gate)
        {
            if (!_certificates.Any(c => Same(c, certificate)))
            {
                _certificates.Add(certificate with { Der = [.. certificate.Der] });
            }
        }
    }

    /// <inheritdoc/>
    public void Delete(StoredCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_gate)
        {
            _certificates.RemoveAll(c => Same(c, certificate));
        }
    }

    /// <inheritdoc/>
    public void SaveKey(string name, byte[] pkcs8)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(pkcs8);
        lock (_gate)
        {
            _keys[name] = [.. pkcs8];
        }
    }

    /// <inheritdoc/>
    public byte[]? LoadKey(string name)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(name, out var key) ? [.. key] : null;
        }
    }

    /// <inheritdoc/>
    public void DeleteKey(string name)
    {
        lock (_gate)
        {
            _keys.Remove(name);
        }
    }

    private static bool Same(StoredCertificate a, StoredCertificate b) =>
        string.Equals(a.Use, b.Use, StringComparison.Ordinal) && a.Der.AsSpan().SequenceEqual(b.Der);
}
