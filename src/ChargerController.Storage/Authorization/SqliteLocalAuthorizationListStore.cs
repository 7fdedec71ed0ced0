using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Authorization;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Authorization;

/// <summary>
/// The local authorization list in the station database (tables <c>local_auth_list</c>, <c>local_auth_list_version</c>,
/// migration 0004). Each update is one transaction under <c>synchronous=FULL</c>: after a power cut the list is either
/// the old or the new version, never a mix (D01.FR.10).
/// </summary>
public sealed class SqliteLocalAuthorizationListStore : ILocalAuthorizationListStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteLocalAuthorizationListStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteLocalAuthorizationListStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public LocalAuthorizationListSnapshot Load()
    {
        using var connection = _database.Open();
        using var versionCommand = connection.CreateCommand();
        versionCommand.CommandText = "SELECT version FROM local_auth_list_version WHERE id = 1";
        var version = versionCommand.ExecuteScalar() is long v ? (int)v : 0;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry_json FROM local_auth_list";
        using var reader = command.ExecuteReader();
        var entries = new List<AuthorizationData>();
        while (reader.Read())
        {
            if (JsonSerializer.Deserialize(reader.GetString(0), OcppJsonContext.Default.AuthorizationData) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return new LocalAuthorizationListSnapshot(version, entries);
    }

    /// <inheritdoc/>
    public void Replace(int version, IReadOnlyList<AuthorizationData> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var connection = _database.Open();
        using var tx = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = tx;
            clear.CommandText = "DELETE FROM local_auth_list";
            clear.ExecuteNonQuery();
        }

        Insert(connection, tx, entries);
        SetVersion(connection, tx, version);
        tx.Commit();
    }

    /// <inheritdoc/>
    public void Apply(int version, IReadOnlyList<AuthorizationData> upserts, IReadOnlyList<IdTokenKey> removals)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        using var connection = _database.Open();
        using var tx = connection.BeginTransaction();
        AuthorizationSql.Delete(connection, tx, "local_auth_list", removals);
        Insert(connection, tx, upserts);
        SetVersion(connection, tx, version);
        tx.Commit();
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<AuthorizationData> entries)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "INSERT INTO local_auth_list (id_token, id_token_type, entry_json) VALUES ($token, $type, $json) " +
            "ON CONFLICT(id_token, id_token_type) DO UPDATE SET entry_json = excluded.entry_json";
        var token = command.Parameters.Add("$token", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        foreach (var entry in entries)
        {
            var key = IdTokenKey.Of(entry.IdToken);
            token.Value = key.IdToken;
            type.Value = key.Type;
            json.Value = JsonSerializer.Serialize(entry, OcppJsonContext.Default.AuthorizationData);
            command.ExecuteNonQuery();
        }
    }

    private static void SetVersion(SqliteConnection connection, SqliteTransaction tx, int version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO local_auth_list_version (id, version) VALUES (1, $version) ON CONFLICT(id) DO UPDATE SET version = excluded.version";
        command.Parameters.Add(new SqliteParameter("$version", version));
        command.ExecuteNonQuery();
    }
}
