using System.Text.Json;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Authorization;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Authorization;

/// <summary>The authorization cache in the station database (table <c>auth_cache</c>, migration 0004), C10.FR.02.</summary>
public sealed class SqliteAuthorizationCacheStore : IAuthorizationCacheStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteAuthorizationCacheStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteAuthorizationCacheStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuthorizationCacheEntry> LoadAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id_token_json, info_json, updated_at_ms, last_used_at_ms, use_count FROM auth_cache";
        using var reader = command.ExecuteReader();
        var entries = new List<AuthorizationCacheEntry>();
        while (reader.Read())
        {
            var token = JsonSerializer.Deserialize(reader.GetString(0), OcppJsonContext.Default.IdTokenType);
            var info = JsonSerializer.Deserialize(reader.GetString(1), OcppJsonContext.Default.IdTokenInfoType);
            if (token is null || info is null)
            {
                continue;
            }

            entries.Add(new AuthorizationCacheEntry(
                token,
                info,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.GetInt64(4)));
        }

        return entries;
    }

    /// <inheritdoc/>
    public void Upsert(AuthorizationCacheEntry entry, IReadOnlyCollection<IdTokenKey> evicted)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(evicted);
        using var connection = _database.Open();
        using var tx = connection.BeginTransaction();
        AuthorizationSql.Delete(connection, tx, "auth_cache", evicted);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText =
                "INSERT INTO auth_cache (id_token, id_token_type, id_token_json, info_json, updated_at_ms, last_used_at_ms, use_count) " +
                "VALUES ($token, $type, $tokenJson, $infoJson, $updated, $used, $count) " +
                "ON CONFLICT(id_token, id_token_type) DO UPDATE SET id_token_json = excluded.id_token_json, info_json = excluded.info_json, " +
                "updated_at_ms = excluded.updated_at_ms, last_used_at_ms = excluded.last_used_at_ms, use_count = excluded.use_count";
            var key = entry.Key;
            command.Parameters.Add(new SqliteParameter("$token", key.IdToken));
            command.Parameters.Add(new SqliteParameter("$type", key.Type));
            command.Parameters.Add(new SqliteParameter("$tokenJson", JsonSerializer.Serialize(entry.IdToken, OcppJsonContext.Default.IdTokenType)));
            command.Parameters.Add(new SqliteParameter("$infoJson", JsonSerializer.Serialize(entry.Info, OcppJsonContext.Default.IdTokenInfoType)));
            command.Parameters.Add(new SqliteParameter("$updated", entry.UpdatedAt.ToUnixTimeMilliseconds()));
            command.Parameters.Add(new SqliteParameter("$used", entry.LastUsedAt.ToUnixTimeMilliseconds()));
            command.Parameters.Add(new SqliteParameter("$count", entry.UseCount));
            command.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <inheritdoc/>
    public void RecordUse(IdTokenKey key, DateTimeOffset lastUsedAt, long useCount)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();

        // Only replacement-policy bookkeeping: NORMAL sync (WAL keeps it consistent) spares an fsync per card tap; a
        // power cut may forget the last uses, never an IdTokenInfo.
        command.CommandText = "PRAGMA synchronous=NORMAL; UPDATE auth_cache SET last_used_at_ms = $used, use_count = $count WHERE id_token = $token AND id_token_type = $type";
        command.Parameters.Add(new SqliteParameter("$used", lastUsedAt.ToUnixTimeMilliseconds()));
        command.Parameters.Add(new SqliteParameter("$count", useCount));
        command.Parameters.Add(new SqliteParameter("$token", key.IdToken));
        command.Parameters.Add(new SqliteParameter("$type", key.Type));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Clear()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM auth_cache";
        command.ExecuteNonQuery();
    }
}
