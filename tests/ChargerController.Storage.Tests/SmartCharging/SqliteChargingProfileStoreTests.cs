using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Storage.SmartCharging;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.SmartCharging;

/// <summary>Charging profiles survive a restart in the real SQLite file (K01.FR.27).</summary>
public sealed class SqliteChargingProfileStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-cp-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void Install_Replace_Remove_ThenReopen_SetRestoredExactly()
    {
        var set = new ChargingProfileSet(new SqliteChargingProfileStore(new StationDatabase(DbPath)));
        set.Install(new InstalledChargingProfile(0, Profile(10, ChargingProfilePurposeEnumType.ChargingStationMaxProfile, 16m), InstalledChargingProfile.CsoSource, T0));
        set.Install(new InstalledChargingProfile(1, Profile(11, ChargingProfilePurposeEnumType.TxDefaultProfile, 6m), InstalledChargingProfile.CsoSource, T0));
        set.Install(new InstalledChargingProfile(1, Profile(11, ChargingProfilePurposeEnumType.TxDefaultProfile, 10m), InstalledChargingProfile.CsoSource, T0.AddMinutes(1)));
        set.Install(new InstalledChargingProfile(2, Profile(-1, ChargingProfilePurposeEnumType.ChargingStationExternalConstraints, 8m), "EMS", T0));
        set.Install(new InstalledChargingProfile(2, Profile(12, ChargingProfilePurposeEnumType.TxDefaultProfile, 7m), InstalledChargingProfile.CsoSource, T0));
        set.Remove(p => p.Id == 12);

        var reopened = new ChargingProfileSet(new SqliteChargingProfileStore(new StationDatabase(DbPath)));
        Assert.Equal([-1, 10, 11], reopened.All.Select(p => p.Id).Order());
        var replaced = reopened.Find(11)!;
        Assert.Equal(10m, replaced.Profile.ChargingSchedule[0].ChargingSchedulePeriod[0].Limit);
        Assert.Equal(T0.AddMinutes(1), replaced.InstalledAt);
        Assert.Equal(1, replaced.EvseId);
        var external = reopened.Find(-1)!;
        Assert.Equal(("EMS", 2), (external.ChargingLimitSource, external.EvseId));
        Assert.Equal(T0, external.Profile.ChargingSchedule[0].StartSchedule);
    }

    [Fact]
    public void CorruptRow_SkippedOnLoad()
    {
        var store = new SqliteChargingProfileStore(new StationDatabase(DbPath));
        store.Save(new InstalledChargingProfile(0, Profile(1, ChargingProfilePurposeEnumType.ChargingStationMaxProfile, 16m), InstalledChargingProfile.CsoSource, T0));
        using (var connection = new SqliteConnection("Data Source=" + DbPath))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO charging_profile VALUES (2, 0, 'CSO', '2025-01-01T00:00:00Z', '{not json')";
            command.ExecuteNonQuery();
        }

        Assert.Equal([1], new SqliteChargingProfileStore(new StationDatabase(DbPath)).LoadAll().Select(p => p.Id));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static ChargingProfileType Profile(int id, ChargingProfilePurposeEnumType purpose, decimal limit) => new()
    {
        Id = id,
        StackLevel = 0,
        ChargingProfilePurpose = purpose,
        ChargingProfileKind = ChargingProfileKindEnumType.Absolute,
        ChargingSchedule =
        [
            new ChargingScheduleType
            {
                Id = 1,
                StartSchedule = T0,
                ChargingRateUnit = ChargingRateUnitEnumType.A,
                ChargingSchedulePeriod = [new ChargingSchedulePeriodType { StartPeriod = 0, Limit = limit, NumberPhases = 3 }],
            },
        ],
    };
}
