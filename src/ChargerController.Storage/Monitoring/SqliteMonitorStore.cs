using System.Globalization;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Monitoring;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Monitoring;

/// <summary>Variable monitors in the station database (table <c>variable_monitor</c>, migration 0004).</summary>
public sealed class SqliteMonitorStore : IMonitorStore
{
    private const string Columns = "id, component, component_instance, evse_id, connector_id, variable, variable_instance, type, value, severity, origin, in_transaction, suppressed, stream_interval_s, stream_values";
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteMonitorStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteMonitorStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<VariableMonitor> LoadAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM variable_monitor ORDER BY id";
        using var reader = command.ExecuteReader();
        var monitors = new List<VariableMonitor>();
        while (reader.Read())
        {
            // A row a newer release wrote with a type or origin this one does not know is skipped, not fatal.
            if (!Enum.TryParse<MonitorEnumType>(reader.GetString(7), out var type)
                || !Enum.TryParse<MonitorOrigin>(reader.GetString(10), out var origin)
                || !decimal.TryParse(reader.GetString(8), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var key = new VariableKey(reader.GetString(1), Text(reader, 2), Int(reader, 3), Int(reader, 4), reader.GetString(5), Text(reader, 6));
            var interval = Int(reader, 13);
            var values = Int(reader, 14);
            monitors.Add(new VariableMonitor(reader.GetInt32(0), key, type, value, reader.GetInt32(9), origin)
            {
                Transaction = reader.GetInt64(11) != 0,
                Suppressed = reader.GetInt64(12) != 0,
                Stream = interval is null && values is null ? null : new StreamParameters(interval, values),
            });
        }

        return monitors;
    }

    /// <inheritdoc/>
    public void Save(VariableMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO variable_monitor ({Columns}) VALUES ($id, $component, $componentInstance, $evse, $connector, $variable, $variableInstance, $type, $value, $severity, $origin, $tx, $suppressed, $interval, $values)";
        var key = monitor.Key;
        command.Parameters.AddWithValue("$id", monitor.Id);
        command.Parameters.AddWithValue("$component", key.Component);
        command.Parameters.AddWithValue("$componentInstance", (object?)key.ComponentInstance ?? DBNull.Value);
        command.Parameters.AddWithValue("$evse", (object?)key.EvseId ?? DBNull.Value);
        command.Parameters.AddWithValue("$connector", (object?)key.ConnectorId ?? DBNull.Value);
        command.Parameters.AddWithValue("$variable", key.Variable);
        command.Parameters.AddWithValue("$variableInstance", (object?)key.VariableInstance ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", monitor.Type.ToString());
        command.Parameters.AddWithValue("$value", monitor.Value.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$severity", monitor.Severity);
        command.Parameters.AddWithValue("$origin", monitor.Origin.ToString());
        command.Parameters.AddWithValue("$tx", monitor.Transaction ? 1 : 0);
        command.Parameters.AddWithValue("$suppressed", monitor.Suppressed ? 1 : 0);
        command.Parameters.AddWithValue("$interval", (object?)monitor.Stream?.Interval ?? DBNull.Value);
        command.Parameters.AddWithValue("$values", (object?)monitor.Stream?.Values ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Delete(int id)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM variable_monitor WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void DeleteAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM variable_monitor";
        command.ExecuteNonQuery();
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int? Int(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
