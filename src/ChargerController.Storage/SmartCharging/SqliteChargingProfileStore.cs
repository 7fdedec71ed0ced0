using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Profiles;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.SmartCharging;

/// <summary>Charging profiles in the station database (table <c>charging_profile</c>, migration 0004), as OCPP JSON.</summary>
public sealed class SqliteChargingProfileStore : IChargingProfileStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteChargingProfileStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteChargingProfileStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<InstalledChargingProfile> LoadAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT evse_id, source, installed_at, profile FROM charging_profile ORDER BY id";
        using var reader = command.ExecuteReader();
        var list = new List<InstalledChargingProfile>();
        while (reader.Read())
        {
            // A row that no longer parses (hand-edited, truncated) is skipped rather than failing the start-up.
            if (TryParse(reader.GetString(3)) is { } profile
                && DateTimeOffset.TryParse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var installedAt))
            {
                list.Add(new InstalledChargingProfile(reader.GetInt32(0), profile, reader.GetString(1), installedAt));
            }
        }

        return list;
    }

    /// <inheritdoc/>
    public void Save(InstalledChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO charging_profile (id, evse_id, source, installed_at, profile) VALUES ($id, $evse, $source, $at, $profile)
            ON CONFLICT(id) DO UPDATE SET evse_id = excluded.evse_id, source = excluded.source, installed_at = excluded.installed_at, profile = excluded.profile
            """;
        command.Parameters.Add(new SqliteParameter("$id", profile.Id));
        command.Parameters.Add(new SqliteParameter("$evse", profile.EvseId));
        command.Parameters.Add(new SqliteParameter("$source", profile.ChargingLimitSource));
        command.Parameters.Add(new SqliteParameter("$at", profile.InstalledAt.ToString("O", CultureInfo.InvariantCulture)));
        command.Parameters.Add(new SqliteParameter("$profile", JsonSerializer.Serialize(profile.Profile, OcppJsonContext.Default.ChargingProfileType)));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Delete(int profileId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM charging_profile WHERE id = $id";
        command.Parameters.Add(new SqliteParameter("$id", profileId));
        command.ExecuteNonQuery();
    }

    private static ChargingProfileType? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, OcppJsonContext.Default.ChargingProfileType);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
