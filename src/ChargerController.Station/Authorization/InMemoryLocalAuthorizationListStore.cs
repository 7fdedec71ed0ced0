using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>A volatile local-list store: the default until Storage's SQLite store is registered, and for tests.</summary>
public sealed class InMemoryLocalAuthorizationListStore : ILocalAuthorizationListStore
{
    private readonly Dictionary<IdTokenKey, AuthorizationData> _entries = [];
    private readonly Lock _gate = new();
    private int _version;

    /// <inheritdoc/>
    public LocalAuthorizationListSnapshot Load()
    {
        lock (_gate)
        {
            return new LocalAuthorizationListSnapshot(_version, [.. _entries.Values]);
        }
    }

    /// <inheritdoc/>
    public void Replace(int version, IReadOnlyList<AuthorizationData> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            _entries.Clear();
            foreach (var entry in entries)
            {
                _entries[IdTokenKey.Of(entry.IdToken)] = entry;
            }

            _version = version;
        }
    }

    /// <inheritdoc/>
    public void Apply(int version, IReadOnlyList<AuthorizationData> upserts, IReadOnlyList<IdTokenKey> removals)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        lock (_gate)
        {
            foreach (var key in removals)
            {
                _entries.Remove(key);
            }

            foreach (var entry in upserts)
            {
                _entries[IdTokenKey.Of(entry.IdToken)] = entry;
            }

            _version = version;
        }
    }
}
