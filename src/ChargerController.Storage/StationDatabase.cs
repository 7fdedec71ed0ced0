using ChargerController.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage;

/// <summary>
/// The station's SQLite file (<c>&lt;state dir&gt;/chargercontroller.db</c>): opens connections with the pragmas
/// every store relies on and migrates the schema once at start-up.
/// </summary>
public sealed class StationDatabase
{
    /// <summary>File name inside the state directory.</summary>
    public const string FileName = "chargercontroller.db";

    private readonly string connectionString;

    /// <summary>Opens (creating if needed) and migrates the database at <paramref name="path"/>.</summary>
    /// <param name="path">Database file path.</param>
    public StationDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        MigrationRunner.Migrate(connection, MigrationCatalog.Load());
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens a connection in WAL mode with <c>synchronous=FULL</c>: a committed transaction survives a power cut
    /// (billing data, house rule 14); WAL keeps readers (chargerctl, reports) from blocking the writer.
    /// </summary>
    /// <returns>An open connection the caller disposes.</returns>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        cmd.ExecuteNonQuery();
        return connection;
    }
}
