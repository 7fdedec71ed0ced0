namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>
/// Persistent storage of installed charging profiles (K01.FR.27: ChargingStationMaxProfile, TxDefaultProfile and
/// PriorityCharging survive a reboot; this station persists every purpose and reports ChargingProfilePersistence so, K01.FR.55).
/// Storage's SQLite store implements it; <see cref="InMemoryChargingProfileStore"/> stands in for tests.
/// </summary>
public interface IChargingProfileStore
{
    /// <summary>Loads every stored profile.</summary>
    /// <returns>The profiles.</returns>
    IReadOnlyList<InstalledChargingProfile> LoadAll();

    /// <summary>Stores a profile, replacing one with the same id (K01.FR.05).</summary>
    /// <param name="profile">The profile.</param>
    void Save(InstalledChargingProfile profile);

    /// <summary>Deletes a profile.</summary>
    /// <param name="profileId">Its id.</param>
    void Delete(int profileId);
}
