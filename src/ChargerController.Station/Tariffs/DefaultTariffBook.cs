using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Serialization;

namespace ChargerController.Station.Tariffs;

/// <summary>
/// The default tariffs per EVSE (I07): installing, the validFrom replacement rules (I07.FR.19-23), clearing (I10) and the
/// durable copy (I07.FR.13). Thread-safe.
/// </summary>
public sealed class DefaultTariffBook
{
    private readonly ITariffStore _store;
    private readonly Lock _gate = new();
    private readonly List<InstalledTariff> _installed = [];
    private long _sequence;

    /// <summary>Initializes a new instance of the <see cref="DefaultTariffBook"/> class from the store.</summary>
    /// <param name="store">The store.</param>
    public DefaultTariffBook(ITariffStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        foreach (var row in store.LoadDefaults())
        {
            if (Parse(row.TariffJson) is { } tariff)
            {
                _installed.Add(new InstalledTariff(row.EvseId, row.Sequence, tariff));
                _sequence = Math.Max(_sequence, row.Sequence);
            }
        }
    }

    /// <summary>Parses a stored tariff; null when the row is damaged.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The tariff or null.</returns>
    public static TariffType? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, OcppJsonContext.Default.TariffType);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Serializes a tariff.</summary>
    /// <param name="tariff">The tariff.</param>
    /// <returns>The JSON.</returns>
    public static string Json(TariffType tariff) => JsonSerializer.Serialize(tariff, OcppJsonContext.Default.TariffType);

    /// <summary>Gets whether a tariffId is installed anywhere (I07.FR.04).</summary>
    /// <param name="tariffId">The id.</param>
    /// <returns>True when installed.</returns>
    public bool Contains(string tariffId)
    {
        lock (_gate)
        {
            return _installed.Any(t => string.Equals(t.Tariff.TariffId, tariffId, StringComparison.Ordinal));
        }
    }

    /// <summary>Installs a tariff on EVSEs (I07.FR.11/12) and stores the book.</summary>
    /// <param name="evseIds">The EVSEs.</param>
    /// <param name="tariff">The validated tariff.</param>
    /// <param name="now">Now, for the replacement rules.</param>
    public void Install(IReadOnlyCollection<int> evseIds, TariffType tariff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evseIds);
        lock (_gate)
        {
            _sequence++;
            foreach (var evse in evseIds)
            {
                _installed.Add(new InstalledTariff(evse, _sequence, tariff));
            }

            Prune(now);
            Save();
        }
    }

    /// <summary>Gets the default tariff in force on an EVSE now (I07.FR.14/19), or null.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="now">Now.</param>
    /// <returns>The tariff or null.</returns>
    public TariffType? Current(int evseId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Prune(now))
            {
                Save();
            }

            return Valid(evseId, now).FirstOrDefault()?.Tariff;
        }
    }

    /// <summary>Gets every installed tariff (GetTariffs, I09), pending ones included.</summary>
    /// <param name="now">Now.</param>
    /// <returns>The tariffs.</returns>
    public IReadOnlyList<InstalledTariff> All(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Prune(now))
            {
                Save();
            }

            return [.. _installed];
        }
    }

    /// <summary>Clears tariffs (I10.FR.01-05).</summary>
    /// <param name="tariffIds">Only these ids, or all.</param>
    /// <param name="evseId">Only on this EVSE, or all.</param>
    /// <returns>The tariffIds cleared.</returns>
    public IReadOnlyList<string> Clear(IReadOnlyCollection<string>? tariffIds, int? evseId)
    {
        lock (_gate)
        {
            var cleared = _installed
                .Where(t => (tariffIds is not { Count: > 0 } || tariffIds.Contains(t.Tariff.TariffId)) && (evseId is not > 0 || t.EvseId == evseId))
                .ToList();
            if (cleared.Count == 0)
            {
                return [];
            }

            _installed.RemoveAll(cleared.Contains);
            Save();
            return [.. cleared.Select(t => t.Tariff.TariffId).Distinct(StringComparer.Ordinal)];
        }
    }

    private IEnumerable<InstalledTariff> Valid(int evseId, DateTimeOffset now) =>
        _installed.Where(t => t.EvseId == evseId && (t.Tariff.ValidFrom is null || t.Tariff.ValidFrom <= now))
            .OrderByDescending(t => t.Tariff.ValidFrom ?? DateTimeOffset.MinValue)
            .ThenByDescending(t => t.Sequence);

    /// <summary>
    /// I07.FR.20-22: once a tariff is valid, it replaces the valid tariffs of its EVSE with an earlier (or no) validFrom;
    /// I07.FR.23: a tariff that is not valid yet stays until its time comes.
    /// </summary>
    private bool Prune(DateTimeOffset now)
    {
        var removed = false;
        foreach (var evse in _installed.Select(t => t.EvseId).Distinct().ToList())
        {
            var valid = Valid(evse, now).ToList();
            foreach (var old in valid.Skip(1))
            {
                removed |= _installed.Remove(old);
            }
        }

        return removed;
    }

    private void Save() => _store.SaveDefaults([.. _installed.Select(t => new StoredDefaultTariff(t.EvseId, t.Sequence, Json(t.Tariff)))]);
}
