using ChargerController.Station.Authorization;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Authorization;

/// <summary>Statements both authorization stores share.</summary>
internal static class AuthorizationSql
{
    /// <summary>Deletes tokens from <paramref name="table"/> (a constant table name of migration 0004) inside a transaction.</summary>
    public static void Delete(SqliteConnection connection, SqliteTransaction tx, string table, IEnumerable<IdTokenKey> keys)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
#pragma warning disable CA2100 // The table name is one of two constants of this assembly, never input.
        command.CommandText = $"DELETE FROM {table} WHERE id_token = $token AND id_token_type = $type";
#pragma warning restore CA2100
        var token = command.Parameters.Add("$token", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        foreach (var key in keys)
        {
            token.Value = key.IdToken;
            type.Value = key.Type;
            command.ExecuteNonQuery();
        }
    }
}
