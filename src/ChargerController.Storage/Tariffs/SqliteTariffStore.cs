using ChargerController.Station.Tariffs;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Tariffs;

/// <summary>
/// The tariff block's durable state in the station database (tables <c>default_tariff</c> and <c>transaction_tariff</c>,
/// migration 0011). Every write is committed before it returns, so a tariff the CSMS was told Accepted survives a power
/// cut (I07.FR.13).
/// </summary>
public sealed class SqliteTariffStore : ITariffStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteTariffStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteTariffStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredDefaultTariff> LoadDefaults()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT evse_id, sequence, tariff_json FROM default_tariff ORDER BY sequence, evse_id";
        using var reader = command.ExecuteReader();
        var list = new List<StoredDefaultTariff>();
        while (reader.Read())
        {
            list.Add(new StoredDefaultTariff(reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return list;
    }

    /// <inheritdoc/>
    public void SaveDefaults(IReadOnlyList<StoredDefaultTariff> tariffs)
    {
        ArgumentNullException.ThrowIfNull(tariffs);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM default_tariff";
            clear.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO default_tariff (evse_id, sequence, tariff_id, tariff_json) VALUES ($evse, $seq, $id, $json)";
        var evse = insert.Parameters.Add(new SqliteParameter("$evse", 0));
        var seq = insert.Parameters.Add(new SqliteParameter("$seq", 0L));
        var id = insert.Parameters.Add(new SqliteParameter("$id", string.Empty));
        var json = insert.Parameters.Add(new SqliteParameter("$json", string.Empty));
        foreach (var row in tariffs)
        {
            evse.Value = row.EvseId;
            seq.Value = row.Sequence;
            id.Value = DefaultTariffBook.Parse(row.TariffJson)?.TariffId ?? string.Empty;
            json.Value = row.TariffJson;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransactionTariff> LoadTransactions()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT transaction_id, evse_id, tariff_json, kind, id_token, snapshot_json FROM transaction_tariff";
        using var reader = command.ExecuteReader();
        var list = new List<StoredTransactionTariff>();
        while (reader.Read())
        {
            list.Add(new StoredTransactionTariff(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return list;
    }

    /// <inheritdoc/>
    public void SaveTransaction(StoredTransactionTariff row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO transaction_tariff (transaction_id, evse_id, tariff_json, kind, id_token, snapshot_json)
            VALUES ($tx, $evse, $tariff, $kind, $token, $snapshot)
            ON CONFLICT(transaction_id) DO UPDATE SET evse_id = excluded.evse_id, tariff_json = excluded.tariff_json,
                kind = excluded.kind, id_token = excluded.id_token, snapshot_json = excluded.snapshot_json
            """;
        command.Parameters.Add(new SqliteParameter("$tx", row.TransactionId));
        command.Parameters.Add(new SqliteParameter("$evse", row.EvseId));
        command.Parameters.Add(new SqliteParameter("$tariff", (object?)row.TariffJson ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$kind", row.Kind));
        command.Parameters.Add(new SqliteParameter("$token", (object?)row.IdToken ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$snapshot", (object?)row.SnapshotJson ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void RemoveTransaction(string transactionId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transaction_tariff WHERE transaction_id = $tx";
        command.Parameters.Add(new SqliteParameter("$tx", transactionId));
        command.ExecuteNonQuery();
    }
}
