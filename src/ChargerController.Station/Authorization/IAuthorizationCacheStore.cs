namespace ChargerController.Station.Authorization;

/// <summary>
/// Durable storage of the authorization cache (C10.FR.02: it should survive reboots and power outages). Storage
/// implements it on SQLite; the station keeps the working copy in memory and writes through.
/// </summary>
public interface IAuthorizationCacheStore
{
    /// <summary>Loads every stored entry.</summary>
    /// <returns>The entries.</returns>
    IReadOnlyList<AuthorizationCacheEntry> LoadAll();

    /// <summary>Inserts or replaces an entry and removes evicted ones, atomically and durably before returning.</summary>
    /// <param name="entry">The entry to store.</param>
    /// <param name="evicted">Entries to remove in the same transaction (cache full, C10.FR.07).</param>
    void Upsert(AuthorizationCacheEntry entry, IReadOnlyCollection<IdTokenKey> evicted);

    /// <summary>Records a use of an entry (replacement-policy bookkeeping only; losing it on a power cut is harmless).</summary>
    /// <param name="key">The token.</param>
    /// <param name="lastUsedAt">When it was presented.</param>
    /// <param name="useCount">Its new use count.</param>
    void RecordUse(IdTokenKey key, DateTimeOffset lastUsedAt, long useCount);

    /// <summary>Removes every entry (ClearCache, C11).</summary>
    void Clear();
}
