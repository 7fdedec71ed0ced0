using System.Text.Json;
using ChargerController.Station.Payment;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Payment;

/// <summary>
/// The payment block's pending payments in the station database (table <c>payment</c>, migration 0012). Every write is
/// committed before it returns. A row that cannot be read any more (damaged JSON) is skipped, never a crash.
/// </summary>
public sealed class SqlitePaymentStore : IPaymentStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqlitePaymentStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqlitePaymentStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredPayment> LoadAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record_json FROM payment ORDER BY psp_ref";
        using var reader = command.ExecuteReader();
        var list = new List<StoredPayment>();
        while (reader.Read())
        {
            try
            {
                if (JsonSerializer.Deserialize(reader.GetString(0), PaymentJsonContext.Default.StoredPayment) is { } payment)
                {
                    list.Add(payment);
                }
            }
            catch (JsonException)
            {
                // A damaged row: the CSO settles that payment with its pspRef (C22 remark).
            }
        }

        return list;
    }

    /// <inheritdoc/>
    public void Save(StoredPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO payment (psp_ref, record_json) VALUES ($ref, $json) ON CONFLICT(psp_ref) DO UPDATE SET record_json = excluded.record_json";
        command.Parameters.AddWithValue("$ref", payment.PspRef);
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(payment, PaymentJsonContext.Default.StoredPayment));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Remove(string pspRef)
    {
        ArgumentNullException.ThrowIfNull(pspRef);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM payment WHERE psp_ref = $ref";
        command.Parameters.AddWithValue("$ref", pspRef);
        command.ExecuteNonQuery();
    }
}
