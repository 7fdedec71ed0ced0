using System.Collections.Concurrent;

namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>A volatile <see cref="IChargingProfileStore"/> (tests, stations without storage).</summary>
public sealed class InMemoryChargingProfileStore : IChargingProfileStore
{
    private readonly ConcurrentDictionary<int, InstalledChargingProfile> _profiles = new();

    /// <inheritdoc/>
    public IReadOnlyList<InstalledChargingProfile> LoadAll() => [.. _profiles.Values.OrderBy(p => p.Id)];

    /// <inheritdoc/>
    public void Save(InstalledChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profiles[profile.Id] = profile;
    }

    /// <inheritdoc/>
    public void Delete(int profileId) => _profiles.TryRemove(profileId, out _);
}
