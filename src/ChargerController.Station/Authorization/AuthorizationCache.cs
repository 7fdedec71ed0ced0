using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Authorization;

/// <summary>
/// The authorization cache (C10-C12): the latest IdTokenInfo of every token the CSMS answered for, whatever its status
/// (C10.FR.01), kept in memory for constant-time lookups and written through to an <see cref="IAuthorizationCacheStore"/>
/// (C10.FR.02). When full it evicts expired entries first, then entries that are not Accepted, then by policy
/// (C10.FR.07). Thread-safe.
/// </summary>
public sealed class AuthorizationCache
{
    private readonly IAuthorizationCacheStore _store;
    private readonly TimeProvider _time;
    private readonly Dictionary<IdTokenKey, Slot> _entries = [];
    private readonly Lock _gate = new();
    private long _bytes;

    /// <summary>Initializes a new instance of the <see cref="AuthorizationCache"/> class, loading the stored entries.</summary>
    /// <param name="store">Durable store.</param>
    /// <param name="time">Clock.</param>
    /// <param name="capacityBytes">Capacity in bytes of entry JSON (<c>AuthCacheCtrlr.Storage</c> maxLimit).</param>
    public AuthorizationCache(IAuthorizationCacheStore store, TimeProvider time, int capacityBytes = AuthorizationLimits.CacheStorageBytes)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        _store = store;
        _time = time;
        CapacityBytes = capacityBytes;
        foreach (var entry in store.LoadAll())
        {
            var size = EntrySize.Of(entry.IdToken, entry.Info);
            _entries[entry.Key] = new Slot(entry, size);
            _bytes += size;
        }
    }

    /// <summary>Raised after the content changed (for <c>Entries</c>/<c>Storage</c>).</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the capacity in bytes.</summary>
    public int CapacityBytes { get; }

    /// <summary>Gets the number of entries.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets the bytes used.</summary>
    public long StorageBytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Gets the replacement policy in use.</summary>
    public AuthCachePolicy Policy { get; set; } = AuthCachePolicy.LRU;

    /// <summary>
    /// Gets the lifetime of entries without cacheExpiryDateTime, counted from their last update (C10.FR.08/10);
    /// <see cref="TimeSpan.Zero"/> = no age limit.
    /// </summary>
    public TimeSpan LifeTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Looks a token up without recording a use.</summary>
    /// <param name="key">The token.</param>
    /// <returns>The entry, with status <c>Expired</c> when its validity ended (C10.FR.10/13), or null.</returns>
    public AuthorizationCacheEntry? Peek(IdTokenKey key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var slot) ? WithExpiry(slot.Entry, _time.GetUtcNow()) : null;
        }
    }

    /// <summary>Looks a presented token up and records the use (LRU/LFU bookkeeping).</summary>
    /// <param name="key">The token.</param>
    /// <returns>The entry, with status <c>Expired</c> when its validity ended (C10.FR.10/13), or null.</returns>
    public AuthorizationCacheEntry? Use(IdTokenKey key)
    {
        var now = _time.GetUtcNow();
        AuthorizationCacheEntry used;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var slot))
            {
                return null;
            }

            used = slot.Entry with { LastUsedAt = now, UseCount = slot.Entry.UseCount + 1 };
            _entries[key] = slot with { Entry = used };
        }

        _store.RecordUse(key, now, used.UseCount);
        return WithExpiry(used, now);
    }

    /// <summary>Stores the IdTokenInfo the CSMS returned for a token (C10.FR.04/05, C12.FR.06).</summary>
    /// <param name="idToken">The token.</param>
    /// <param name="info">The info.</param>
    public void Put(IdTokenType idToken, IdTokenInfoType info)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        ArgumentNullException.ThrowIfNull(info);

        // C10.FR.14: every field except the token's additionalInfo and the group token's additionalInfo.
        var token = idToken with { AdditionalInfo = null };
        var stored = info with { GroupIdToken = info.GroupIdToken is null ? null : info.GroupIdToken with { AdditionalInfo = null } };
        var now = _time.GetUtcNow();
        var key = IdTokenKey.Of(token);
        var size = EntrySize.Of(token, stored);
        if (size > CapacityBytes)
        {
            return;
        }

        lock (_gate)
        {
            var previous = _entries.TryGetValue(key, out var old) ? old : null;
            var entry = new AuthorizationCacheEntry(token, stored, now, previous?.Entry.LastUsedAt ?? now, previous?.Entry.UseCount ?? 0);
            var freed = previous?.Size ?? 0;
            var evicted = new List<IdTokenKey>();
            if (_bytes - freed + size > CapacityBytes)
            {
                foreach (var victim in EvictionOrder(now).Where(s => s.Entry.Key != key))
                {
                    evicted.Add(victim.Entry.Key);
                    freed += victim.Size;
                    if (_bytes - freed + size <= CapacityBytes)
                    {
                        break;
                    }
                }
            }

            // Durable first: the memory copy never claims what the file does not hold.
            _store.Upsert(entry, evicted);
            foreach (var victim in evicted)
            {
                _entries.Remove(victim);
            }

            _entries[key] = new Slot(entry, size);
            _bytes = _bytes - freed + size;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Removes every entry (ClearCache, C11.FR.01).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _store.Clear();
            _entries.Clear();
            _bytes = 0;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    private AuthorizationCacheEntry WithExpiry(AuthorizationCacheEntry entry, DateTimeOffset now) =>
        IsExpired(entry, now) && entry.Info.Status != AuthorizationStatusEnumType.Expired
            ? entry with { Info = entry.Info with { Status = AuthorizationStatusEnumType.Expired } }
            : entry;

    private bool IsExpired(AuthorizationCacheEntry entry, DateTimeOffset now)
    {
        if (entry.Info.CacheExpiryDateTime is { } expiry)
        {
            // C10.FR.13: the CSMS's own expiry wins over the lifetime.
            return now > expiry;
        }

        return LifeTime > TimeSpan.Zero && now - entry.UpdatedAt > LifeTime;
    }

    private List<Slot> EvictionOrder(DateTimeOffset now)
    {
        var byPolicy = Policy switch
        {
            AuthCachePolicy.LFU => _entries.Values.OrderBy(s => s.Entry.UseCount).ThenBy(s => s.Entry.LastUsedAt),
            AuthCachePolicy.FIFO => _entries.Values.OrderBy(s => s.Entry.UpdatedAt),
            _ => _entries.Values.OrderBy(s => s.Entry.LastUsedAt),
        };

        // Expired entries are worthless, non-Accepted ones only save an AuthorizeRequest: both go before any Accepted one.
        return byPolicy.OrderBy(s => IsExpired(s.Entry, now) ? 0 : s.Entry.Info.Status == AuthorizationStatusEnumType.Accepted ? 2 : 1).ToList();
    }

    private sealed record Slot(AuthorizationCacheEntry Entry, int Size);
}
