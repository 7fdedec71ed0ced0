namespace ChargerController.Station.Authorization;

/// <summary>A volatile cache store: the default until Storage's SQLite store is registered, and for tests.</summary>
public sealed class InMemoryAuthorizationCacheStore : IAuthorizationCacheStore
{
    private readonly Dictionary<IdTokenKey, AuthorizationCacheEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public IReadOnlyList<AuthorizationCacheEntry> LoadAll()
    {
        lock (_gate)
        {
            return [.. _entries.Values];
        }
    }

    /// <inheritdoc/>
    public void Upsert(AuthorizationCacheEntry entry, IReadOnlyCollection<IdTokenKey> evicted)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(evicted);
        lock (_gate)
        {
            foreach (var key in evicted)
            {
                _entries.Remove(key);
            }

            _entries[entry.Key] = entry;
        }
    }

    /// <inheritdoc/>
    public void RecordUse(IdTokenKey key, DateTimeOffset lastUsedAt, long useCount)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = entry with { LastUsedAt = lastUsedAt, UseCount = useCount };
            }
        }
    }

    /// <inheritdoc/>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
