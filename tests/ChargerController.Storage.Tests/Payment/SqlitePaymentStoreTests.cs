using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Payment;
using ChargerController.Storage.Payment;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tests.Payment;

/// <summary>Pending terminal payments in the real SQLite file (C21): a reopen returns them; a damaged row is skipped.</summary>
public sealed class SqlitePaymentStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-payment-").FullName;

    private string DbPath => Path.Combine(_directory, StationDatabase.FileName);

    [Fact]
    public void SaveReplaceReopenRemove()
    {
        var store = new SqlitePaymentStore(new StationDatabase(DbPath));
        var token = new IdTokenType { IdToken = "PSP-1", Type = PaymentTokens.DirectPayment, AdditionalInfo = [new AdditionalInfoType { AdditionalIdToken = "4242", Type = "CardLast4Digits" }] };
        store.Save(new StoredPayment { PspRef = "PSP-1", IdToken = token, Authorized = 20m, EvseId = 1 });
        store.Save(new StoredPayment
        {
            PspRef = "PSP-1",
            IdToken = token,
            CsmsAuthorized = true,
            Authorized = 30m,
            EvseId = 1,
            TransactionId = "tx-1",
            VatNumber = "NL123",
            VatCompany = new AddressType { Name = "ACME", Address1 = "Main 1", City = "Arnhem", Country = "NL" },
            SettlementDue = true,
            SettlementAmount = 12.3456m,
        });
        store.Save(new StoredPayment { PspRef = "PSP-2", IdToken = new IdTokenType { IdToken = "PSP-2", Type = PaymentTokens.DirectPayment }, Authorized = 50m });

        SqliteConnection.ClearAllPools();
        var reopened = new SqlitePaymentStore(new StationDatabase(DbPath));
        var all = reopened.LoadAll();
        Assert.Equal(["PSP-1", "PSP-2"], all.Select(p => p.PspRef));
        var first = all[0];
        Assert.Equal((true, 30m, "tx-1", true, 12.3456m, "NL123", "ACME"), (first.CsmsAuthorized, first.Authorized, first.TransactionId, first.SettlementDue, first.SettlementAmount, first.VatNumber, first.VatCompany?.Name));
        Assert.Equal("4242", first.IdToken.AdditionalInfo![0].AdditionalIdToken);

        reopened.Remove("PSP-1");
        reopened.Remove("unknown");
        Assert.Equal("PSP-2", Assert.Single(reopened.LoadAll()).PspRef);
    }

    [Fact]
    public void DamagedRow_Skipped()
    {
        var store = new SqlitePaymentStore(new StationDatabase(DbPath));
        store.Save(new StoredPayment { PspRef = "GOOD", IdToken = new IdTokenType { IdToken = "GOOD", Type = PaymentTokens.DirectPayment }, Authorized = 5m });
        using (var connection = new SqliteConnection($"Data Source={DbPath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO payment (psp_ref, record_json) VALUES ('BAD', '{not json')";
            command.ExecuteNonQuery();
        }

        Assert.Equal("GOOD", Assert.Single(store.LoadAll()).PspRef);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
