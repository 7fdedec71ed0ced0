using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Tariffs;
using ChargerController.Storage.Tariffs;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.Tariffs;

/// <summary>Tariffs in the real SQLite file: default tariffs (I07.FR.13) and a running transaction's cost state survive a reopen.</summary>
public sealed class SqliteTariffStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-tariff-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void DefaultTariffs_Reopen_SameTariffInForce()
    {
        var tariff = new TariffType { TariffId = "T1", Currency = "EUR", Energy = new TariffEnergyType { Prices = [new TariffEnergyPriceType { PriceKwh = 0.25m }] } };
        new DefaultTariffBook(new SqliteTariffStore(new StationDatabase(DbPath))).Install([1, 2], tariff, Start);

        SqliteConnection.ClearAllPools();
        var book = new DefaultTariffBook(new SqliteTariffStore(new StationDatabase(DbPath)));
        Assert.Equal("T1", book.Current(2, Start)?.TariffId);
        Assert.Equal(0.25m, book.Current(1, Start)!.Energy!.Prices[0].PriceKwh);
        Assert.Single(book.Clear(null, null));

        SqliteConnection.ClearAllPools();
        Assert.Empty(new SqliteTariffStore(new StationDatabase(DbPath)).LoadDefaults());
    }

    [Fact]
    public void TransactionRow_SaveReplaceRemove()
    {
        var store = new SqliteTariffStore(new StationDatabase(DbPath));
        store.SaveTransaction(new StoredTransactionTariff("tx-1", 1, "{}", "DefaultTariff", "CARD1", null));
        store.SaveTransaction(new StoredTransactionTariff("tx-1", 1, null, "DriverTariff", "CARD1", "{\"energyWh\":5}"));

        SqliteConnection.ClearAllPools();
        var row = Assert.Single(new SqliteTariffStore(new StationDatabase(DbPath)).LoadTransactions());
        Assert.Equal(("tx-1", 1, null, "DriverTariff", "CARD1", "{\"energyWh\":5}"), (row.TransactionId, row.EvseId, row.TariffJson, row.Kind, row.IdToken, row.SnapshotJson));
        store.RemoveTransaction("tx-1");
        Assert.Empty(store.LoadTransactions());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
