namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>
/// The installed charging profiles: an immutable snapshot replaced on every change (readers such as the EVSE control loop
/// never lock), written through to the <see cref="IChargingProfileStore"/>, with a <see cref="Changed"/> event so limits
/// are re-evaluated at once (K01.FR.07, K10.FR.05).
/// </summary>
public sealed class ChargingProfileSet
{
    private readonly IChargingProfileStore _store;
    private readonly Lock _gate = new();
    private InstalledChargingProfile[] _profiles;

    /// <summary>Initializes a new instance of the <see cref="ChargingProfileSet"/> class with the stored profiles.</summary>
    /// <param name="store">The persistent store.</param>
    public ChargingProfileSet(IChargingProfileStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _profiles = [.. store.LoadAll()];
    }

    /// <summary>Raised after the set changed (on the thread that changed it).</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the current profiles.</summary>
    public IReadOnlyList<InstalledChargingProfile> All => Volatile.Read(ref _profiles);

    /// <summary>Gets the number of installed profiles.</summary>
    public int Count => Volatile.Read(ref _profiles).Length;

    /// <summary>Finds a profile by id.</summary>
    /// <param name="profileId">The id.</param>
    /// <returns>The profile or null.</returns>
    public InstalledChargingProfile? Find(int profileId) => Array.Find(Volatile.Read(ref _profiles), p => p.Id == profileId);

    /// <summary>Installs a profile, replacing one with the same id (K01.FR.05).</summary>
    /// <param name="profile">The profile.</param>
    public void Install(InstalledChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_gate)
        {
            _store.Save(profile);
            _profiles = [.. _profiles.Where(p => p.Id != profile.Id), profile];
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Removes every profile matching <paramref name="match"/>.</summary>
    /// <param name="match">The filter.</param>
    /// <returns>The removed profiles.</returns>
    public IReadOnlyList<InstalledChargingProfile> Remove(Func<InstalledChargingProfile, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        InstalledChargingProfile[] removed;
        lock (_gate)
        {
            removed = [.. _profiles.Where(match)];
            if (removed.Length == 0)
            {
                return removed;
            }

            foreach (var profile in removed)
            {
                _store.Delete(profile.Id);
            }

            _profiles = [.. _profiles.Where(p => !match(p))];
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return removed;
    }
}
