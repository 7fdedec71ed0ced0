using System.Globalization;
using ChargerController.Station.Transactions;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Transactions;

/// <summary>
/// Open transactions in the station database (table <c>open_transaction</c>, migrations 0008, 0009 and 0012). Each write is its own
/// transaction on a WAL + <c>synchronous=FULL</c> connection: it has reached the disk when the call returns.
/// </summary>
public sealed class SqliteTransactionJournal : ITransactionJournal
{
    private const string Columns = "transaction_id, evse_id, connector_id, started_utc_ticks, next_seq_no, pending_seq_no, pending_payload, pending_is_ended, enqueued_seq_no, id_token, id_token_type, charging_state, last_event_utc_ticks, meter_start_wh, " +
        "limit_max_energy_wh, limit_max_time_s, limit_max_cost, running_cost, limit_reached, invalid_id_since_wh, invalid_id_exhausted, cable_max_current_a, ended_values, " +
        "csms_max_energy_wh, csms_max_time_s, csms_max_cost";
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteTransactionJournal"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteTransactionJournal(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> LoadOpen()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM open_transaction ORDER BY evse_id, started_utc_ticks";
        using var reader = command.ExecuteReader();
        var records = new List<TransactionRecord>();
        while (reader.Read())
        {
            records.Add(new TransactionRecord(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.GetInt32(4))
            {
                PendingSeqNo = reader.GetInt32(5),
                PendingPayload = reader.IsDBNull(6) ? null : reader.GetString(6),
                PendingIsEnded = reader.GetInt64(7) != 0,
                EnqueuedSeqNo = reader.GetInt32(8),
                IdToken = reader.IsDBNull(9) ? null : reader.GetString(9),
                IdTokenType = reader.IsDBNull(10) ? null : reader.GetString(10),
                ChargingState = reader.IsDBNull(11) ? null : reader.GetString(11),
                LastEventAt = new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero),
                MeterStartWh = reader.IsDBNull(13) ? null : reader.GetDouble(13),
                LimitMaxEnergyWh = reader.IsDBNull(14) ? null : reader.GetDouble(14),
                LimitMaxTimeS = reader.IsDBNull(15) ? null : reader.GetInt32(15),
                LimitMaxCost = reader.IsDBNull(16) ? null : decimal.Parse(reader.GetString(16), NumberStyles.Number, CultureInfo.InvariantCulture),
                RunningCost = reader.IsDBNull(17) ? null : decimal.Parse(reader.GetString(17), NumberStyles.Number, CultureInfo.InvariantCulture),
                LimitReached = reader.IsDBNull(18) ? null : reader.GetString(18),
                InvalidIdSinceWh = reader.IsDBNull(19) ? null : reader.GetDouble(19),
                InvalidIdExhausted = reader.GetInt64(20) != 0,
                CableMaxCurrentA = reader.IsDBNull(21) ? null : reader.GetInt32(21),
                EndedValuesJson = reader.IsDBNull(22) ? null : reader.GetString(22),
                CsmsMaxEnergyWh = reader.IsDBNull(23) ? null : reader.GetDouble(23),
                CsmsMaxTimeS = reader.IsDBNull(24) ? null : reader.GetInt32(24),
                CsmsMaxCost = reader.IsDBNull(25) ? null : decimal.Parse(reader.GetString(25), NumberStyles.Number, CultureInfo.InvariantCulture),
            });
        }

        return records;
    }

    /// <inheritdoc/>
    public void Save(TransactionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO open_transaction ({Columns}) VALUES ($id, $evse, $connector, $started, $next, $pendingSeq, $payload, $ended, $enqueued, $token, $tokenType, $state, $last, $meterStart, " +
            "$maxEnergy, $maxTime, $maxCost, $cost, $reached, $invalidSince, $invalidExhausted, $cable, $endedValues, $csmsEnergy, $csmsTime, $csmsCost)";
        command.Parameters.Add(new SqliteParameter("$id", record.TransactionId));
        command.Parameters.Add(new SqliteParameter("$evse", record.EvseId));
        command.Parameters.Add(new SqliteParameter("$connector", record.ConnectorId));
        command.Parameters.Add(new SqliteParameter("$started", record.StartedAt.UtcTicks));
        command.Parameters.Add(new SqliteParameter("$next", record.NextSeqNo));
        command.Parameters.Add(new SqliteParameter("$pendingSeq", record.PendingSeqNo));
        command.Parameters.Add(new SqliteParameter("$payload", (object?)record.PendingPayload ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$ended", record.PendingIsEnded ? 1 : 0));
        command.Parameters.Add(new SqliteParameter("$enqueued", record.EnqueuedSeqNo));
        command.Parameters.Add(new SqliteParameter("$token", (object?)record.IdToken ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$tokenType", (object?)record.IdTokenType ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$state", (object?)record.ChargingState ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$last", record.LastEventAt.UtcTicks));
        command.Parameters.Add(new SqliteParameter("$meterStart", (object?)record.MeterStartWh ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$maxEnergy", (object?)record.LimitMaxEnergyWh ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$maxTime", (object?)record.LimitMaxTimeS ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$maxCost", (object?)record.LimitMaxCost?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$cost", (object?)record.RunningCost?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$reached", (object?)record.LimitReached ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$invalidSince", (object?)record.InvalidIdSinceWh ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$invalidExhausted", record.InvalidIdExhausted ? 1 : 0));
        command.Parameters.Add(new SqliteParameter("$cable", (object?)record.CableMaxCurrentA ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$endedValues", (object?)record.EndedValuesJson ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$csmsEnergy", (object?)record.CsmsMaxEnergyWh ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$csmsTime", (object?)record.CsmsMaxTimeS ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$csmsCost", (object?)record.CsmsMaxCost?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Remove(string transactionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM open_transaction WHERE transaction_id = $id";
        command.Parameters.Add(new SqliteParameter("$id", transactionId));
        command.ExecuteNonQuery();
    }
}
