using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Migrations;

/// <summary>
/// Brings a database to the newest schema: each pending script runs in its own transaction together with the
/// <c>PRAGMA user_version</c> bump, so a power cut mid-upgrade leaves the previous version intact (house rule 14).
/// </summary>
public static class MigrationRunner
{
    /// <summary>Applies every migration newer than the database's version.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="migrations">The migrations, ordered (normally <see cref="MigrationCatalog.Load"/>).</param>
    /// <returns>The database version before and after.</returns>
    /// <exception cref="StorageVersionException">The database was written by a newer chargerd (downgrade is not supported).</exception>
    public static (int From, int To) Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        var current = UserVersion(connection);
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > newest)
        {
            throw new StorageVersionException(
                $"database schema version {current} is newer than this chargerd supports ({newest}); refusing to open it (downgrade).");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
#pragma warning disable CA2100 // Embedded, reviewed migration scripts, not user input.
                cmd.CommandText = migration.Sql + "\nPRAGMA user_version = " + migration.Version.ToString(CultureInfo.InvariantCulture) + ";";
#pragma warning restore CA2100
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return (current, Math.Max(current, newest));
    }

    /// <summary>Reads <c>PRAGMA user_version</c>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <returns>The schema version.</returns>
    public static int UserVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
