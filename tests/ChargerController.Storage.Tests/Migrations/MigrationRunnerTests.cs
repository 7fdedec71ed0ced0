using ChargerController.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.Migrations;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("db").FullName;

    private string DbPath => Path.Combine(dir, StationDatabase.FileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Catalog_NumberedWithoutGaps_StartsAtOne()
    {
        var migrations = MigrationCatalog.Load();
        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
    }

    [Fact]
    public void NewDatabase_MigratedToNewest_WalAndFullSync()
    {
        var db = new StationDatabase(DbPath);
        using var c = db.Open();
        Assert.Equal(MigrationCatalog.Load()[^1].Version, MigrationRunner.UserVersion(c));
        Assert.Equal("wal", Scalar(c, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(c, "PRAGMA synchronous;")); // 2 = FULL
    }

    [Fact]
    public void EveryMigration_AppliesFromEachEarlierVersion()
    {
        var all = MigrationCatalog.Load();
        for (var start = 0; start < all.Count; start++)
        {
            var path = Path.Combine(dir, $"from{start}.db");
            using (var c = new SqliteConnection($"Data Source={path}"))
            {
                c.Open();
                MigrationRunner.Migrate(c, all.Take(start).ToList());
                Assert.Equal(start, MigrationRunner.UserVersion(c));
                var (from, to) = MigrationRunner.Migrate(c, all);
                Assert.Equal(start, from);
                Assert.Equal(all[^1].Version, to);
                Assert.Equal(all[^1].Version, MigrationRunner.UserVersion(c));
            }
        }
    }

    [Fact]
    public void Reopen_KeepsData_AndDoesNotRerunMigrations()
    {
        var db = new StationDatabase(DbPath);
        using (var c = db.Open())
        {
            Exec(c, "INSERT INTO station_meta(key, value) VALUES ('boot_count', '7');");
        }

        SqliteConnection.ClearAllPools();
        var reopened = new StationDatabase(DbPath);
        using var c2 = reopened.Open();
        Assert.Equal("7", Scalar(c2, "SELECT value FROM station_meta WHERE key = 'boot_count';"));
    }

    [Fact]
    public void DatabaseFromNewerVersion_IsRefused_WithClearMessage()
    {
        using (var c = new SqliteConnection($"Data Source={DbPath}"))
        {
            c.Open();
            Exec(c, "PRAGMA user_version = 999;");
        }

        var ex = Assert.Throws<StorageVersionException>(() => new StationDatabase(DbPath));
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
        Assert.Contains("downgrade", ex.Message, StringComparison.Ordinal);
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
