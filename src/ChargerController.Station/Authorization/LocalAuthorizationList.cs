using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Authorization;

/// <summary>
/// The local authorization list (D01/D02): changed only by SendLocalList (D01.FR.09), kept in memory for lookups and
/// written through to an <see cref="ILocalAuthorizationListStore"/> before the answer goes out (D01.FR.10). Thread-safe.
/// </summary>
public sealed class LocalAuthorizationList
{
    private readonly ILocalAuthorizationListStore _store;
    private readonly Dictionary<IdTokenKey, Slot> _entries = [];
    private readonly Lock _gate = new();
    private long _bytes;

    /// <summary>Initializes a new instance of the <see cref="LocalAuthorizationList"/> class, loading the stored list.</summary>
    /// <param name="store">Durable store.</param>
    /// <param name="maxEntries">Capacity in entries (<c>LocalAuthListCtrlr.Entries</c> maxLimit).</param>
    /// <param name="maxBytes">Capacity in bytes (<c>LocalAuthListCtrlr.Storage</c> maxLimit).</param>
    public LocalAuthorizationList(ILocalAuthorizationListStore store, int maxEntries = AuthorizationLimits.LocalListEntries, int maxBytes = AuthorizationLimits.LocalListStorageBytes)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        MaxEntries = maxEntries;
        MaxBytes = maxBytes;
        var snapshot = store.Load();
        Version = snapshot.Version;
        foreach (var entry in snapshot.Entries)
        {
            var slot = Slot.Of(entry);
            _entries[IdTokenKey.Of(entry.IdToken)] = slot;
            _bytes += slot.Size;
        }
    }

    /// <summary>Raised after the content changed (for <c>Entries</c>/<c>Storage</c>).</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the capacity in entries.</summary>
    public int MaxEntries { get; }

    /// <summary>Gets the capacity in bytes.</summary>
    public int MaxBytes { get; }

    /// <summary>Gets the version number (0 = never sent, D02.FR.02).</summary>
    public int Version { get; private set; }

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

    /// <summary>Gets a copy of the entries (for <c>chargerctl auth list</c> and CustomerInformation).</summary>
    /// <returns>The entries, in no particular order.</returns>
    public IReadOnlyList<AuthorizationData> Entries()
    {
        lock (_gate)
        {
            return [.. _entries.Values.Select(s => s.Data)];
        }
    }

    /// <summary>Looks a token up.</summary>
    /// <param name="key">The token.</param>
    /// <returns>Its IdTokenInfo, or null when not listed.</returns>
    public IdTokenInfoType? Find(IdTokenKey key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var slot) ? slot.Data.IdTokenInfo : null;
        }
    }

    /// <summary>Applies a SendLocalListRequest (D01) after the caller checked the message limits.</summary>
    /// <param name="updateType">Full or Differential.</param>
    /// <param name="version">The version number of the update.</param>
    /// <param name="items">The localAuthorizationList (may be null or empty).</param>
    /// <returns>The status to answer and, for <c>Failed</c>, why.</returns>
    public (SendLocalListStatusEnumType Status, string? Reason) Apply(UpdateEnumType updateType, int version, IReadOnlyList<AuthorizationData>? items)
    {
        items ??= [];
        if (version <= 0)
        {
            // D01.FR.18: a version number is always greater than 0.
            return (SendLocalListStatusEnumType.Failed, "InvalidVersion");
        }

        if (items.Select(i => IdTokenKey.Of(i.IdToken)).Distinct().Count() != items.Count)
        {
            // D01.FR.06: the tokens of the list are unique; a message that lists one twice is ambiguous.
            return (SendLocalListStatusEnumType.Failed, "DuplicateIdToken");
        }

        lock (_gate)
        {
            if (updateType == UpdateEnumType.Differential && version <= Version)
            {
                // D01.FR.19.
                return (SendLocalListStatusEnumType.VersionMismatch, null);
            }

            var result = updateType == UpdateEnumType.Full ? ReplaceLocked(version, items) : ApplyLocked(version, items);
            if (result.Status != SendLocalListStatusEnumType.Accepted)
            {
                return result;
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return (SendLocalListStatusEnumType.Accepted, null);
    }

    private (SendLocalListStatusEnumType Status, string? Reason) ReplaceLocked(int version, IReadOnlyList<AuthorizationData> items)
    {
        // D01.FR.04/15: Full replaces everything; an entry without idTokenInfo carries nothing to authorize with.
        var slots = items.Where(i => i.IdTokenInfo is not null).Select(Slot.Of).ToList();
        var bytes = slots.Sum(s => (long)s.Size);
        if (slots.Count > MaxEntries || bytes > MaxBytes)
        {
            return (SendLocalListStatusEnumType.Failed, "ListFull");
        }

        if (!TryStore(() => _store.Replace(version, [.. slots.Select(s => s.Data)]), out var failure))
        {
            return failure;
        }

        _entries.Clear();
        foreach (var slot in slots)
        {
            _entries[IdTokenKey.Of(slot.Data.IdToken)] = slot;
        }

        _bytes = bytes;
        Version = version;
        return (SendLocalListStatusEnumType.Accepted, null);
    }

    private (SendLocalListStatusEnumType Status, string? Reason) ApplyLocked(int version, IReadOnlyList<AuthorizationData> items)
    {
        // D01.FR.16/17: with idTokenInfo = insert or replace, without = remove; empty = only the version changes (D01.FR.05).
        var upserts = items.Where(i => i.IdTokenInfo is not null).Select(Slot.Of).ToList();
        var removals = items.Where(i => i.IdTokenInfo is null).Select(i => IdTokenKey.Of(i.IdToken)).ToList();
        var count = _entries.Count;
        var bytes = _bytes;
        foreach (var key in removals.Concat(upserts.Select(u => IdTokenKey.Of(u.Data.IdToken))))
        {
            if (_entries.TryGetValue(key, out var old))
            {
                count--;
                bytes -= old.Size;
            }
        }

        count += upserts.Count;
        bytes += upserts.Sum(s => (long)s.Size);
        if (count > MaxEntries || bytes > MaxBytes)
        {
            return (SendLocalListStatusEnumType.Failed, "ListFull");
        }

        if (!TryStore(() => _store.Apply(version, [.. upserts.Select(s => s.Data)], removals), out var failure))
        {
            return failure;
        }

        foreach (var key in removals)
        {
            _entries.Remove(key);
        }

        foreach (var slot in upserts)
        {
            _entries[IdTokenKey.Of(slot.Data.IdToken)] = slot;
        }

        _bytes = bytes;
        Version = version;
        return (SendLocalListStatusEnumType.Accepted, null);
    }

    private static bool TryStore(Action write, out (SendLocalListStatusEnumType Status, string? Reason) failure)
    {
        try
        {
            write();
            failure = default;
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A storage error leaves the previous list in force (the store's transaction rolled back): answer Failed.
            failure = (SendLocalListStatusEnumType.Failed, "StorageError");
            return false;
        }
    }

    private sealed record Slot(AuthorizationData Data, int Size)
    {
        public static Slot Of(AuthorizationData data) => new(data, EntrySize.Of(data.IdToken, data.IdTokenInfo));
    }
}
