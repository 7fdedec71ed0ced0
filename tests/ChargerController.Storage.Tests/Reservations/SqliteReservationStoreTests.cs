using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Reservations;
using ChargerController.Storage.Migrations;
using ChargerController.Storage.Reservations;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.Reservations;

/// <summary>Reservations in the real SQLite file: round trip, replace, remove, and survival across a reopen.</summary>
public sealed class SqliteReservationStoreTests : IDisposable
{
    private static readonly DateTimeOffset Expiry = new(2025, 1, 1, 13, 0, 0, 123, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-resv-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void Save_ThenReopen_EveryFieldRestored()
    {
        var specific = new Reservation(7, Expiry, Token("AABBCC", "ISO14443"), Token("GROUP1", "Central"), 2, null);
        var anyType = new Reservation(3, Expiry.AddMinutes(5), Token("DDEE", "ISO15693"), null, null, "cType2");
        var store = new SqliteReservationStore(new StationDatabase(DbPath));
        store.Save(specific);
        store.Save(anyType);

        SqliteConnection.ClearAllPools();
        var reopened = new SqliteReservationStore(new StationDatabase(DbPath)).LoadAll();

        Assert.Equal([3, 7], reopened.Select(r => r.Id));
        Assert.Equal(anyType, reopened[0]);
        Assert.Equal(specific, reopened[1]);
        Assert.Equal(Expiry, reopened[1].ExpiryDateTime);
    }

    [Fact]
    public void Save_SameId_Replaces()
    {
        var store = new SqliteReservationStore(new StationDatabase(DbPath));
        store.Save(new Reservation(1, Expiry, Token("A", "ISO14443"), null, 1, null));
        store.Save(new Reservation(1, Expiry.AddHours(1), Token("B", "ISO14443"), null, 2, null));

        var only = Assert.Single(store.LoadAll());
        Assert.Equal(("B", 2, Expiry.AddHours(1)), (only.IdToken.IdToken, only.EvseId!.Value, only.ExpiryDateTime));
    }

    [Fact]
    public void Remove_KnownAndUnknown_OnlyKnownGoes()
    {
        var store = new SqliteReservationStore(new StationDatabase(DbPath));
        store.Save(new Reservation(1, Expiry, Token("A", "ISO14443"), null, 1, null));
        store.Save(new Reservation(2, Expiry, Token("B", "ISO14443"), null, 2, null));
        store.Remove(1);
        store.Remove(99);

        SqliteConnection.ClearAllPools();
        Assert.Equal([2], new SqliteReservationStore(new StationDatabase(DbPath)).LoadAll().Select(r => r.Id));
    }

    [Fact]
    public void Migration_CreatesReservationTable_AtLatestVersion()
    {
        _ = new StationDatabase(DbPath);
        using var connection = new SqliteConnection($"Data Source={DbPath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'reservation'; ";
        Assert.Equal(1L, (long)command.ExecuteScalar()!);
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)MigrationCatalog.Load().Count, (long)command.ExecuteScalar()!);
        Assert.Contains(MigrationCatalog.Load(), m => m.Name.EndsWith("_reservations.sql", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static IdTokenType Token(string value, string type) => new() { IdToken = value, Type = type };
}
