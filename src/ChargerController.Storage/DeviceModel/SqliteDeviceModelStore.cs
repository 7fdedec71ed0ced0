using ChargerController.Station.DeviceModel;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.DeviceModel;

/// <summary>Device-model values in the station database (table <c>device_model_value</c>, migration 0002).</summary>
public sealed class SqliteDeviceModelStore : IDeviceModelStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteDeviceModelStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteDeviceModelStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> LoadAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM device_model_value";
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    }

    /// <inheritdoc/>
    public void Save(string storageKey, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageKey);
        ArgumentNullException.ThrowIfNull(value);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO device_model_value (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.Add(new SqliteParameter("$key", storageKey));
        command.Parameters.Add(new SqliteParameter("$value", value));
        command.ExecuteNonQuery();
    }
}
