using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.DisplayMessages;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.DisplayMessages;

/// <summary>
/// The CSMS display messages in the station database (table <c>display_message</c>). Every write is committed before it
/// returns, so a message the CSMS was told Accepted survives a power cut (O01.FR.10). A row that no longer parses is
/// skipped, never fatal.
/// </summary>
public sealed class SqliteDisplayMessageStore : IDisplayMessageStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteDisplayMessageStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteDisplayMessageStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<MessageInfoType> LoadAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_json FROM display_message ORDER BY id";
        using var reader = command.ExecuteReader();
        var list = new List<MessageInfoType>();
        while (reader.Read())
        {
            try
            {
                if (JsonSerializer.Deserialize(reader.GetString(0), OcppJsonContext.Default.MessageInfoType) is { Message: not null } message)
                {
                    list.Add(message);
                }
            }
            catch (JsonException)
            {
                // A damaged row is dropped rather than stopping the station; the CSMS can set the message again.
            }
        }

        return list;
    }

    /// <inheritdoc/>
    public void Save(MessageInfoType message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO display_message (id, priority, state, end_unix_ms, transaction_id, message_json)
            VALUES ($id, $priority, $state, $end, $tx, $json)
            ON CONFLICT(id) DO UPDATE SET priority = excluded.priority, state = excluded.state, end_unix_ms = excluded.end_unix_ms,
                transaction_id = excluded.transaction_id, message_json = excluded.message_json
            """;
        command.Parameters.Add(new SqliteParameter("$id", message.Id));
        command.Parameters.Add(new SqliteParameter("$priority", message.Priority.ToString()));
        command.Parameters.Add(new SqliteParameter("$state", (object?)message.State?.ToString() ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$end", (object?)message.EndDateTime?.ToUnixTimeMilliseconds() ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$tx", (object?)message.TransactionId ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$json", JsonSerializer.Serialize(message, OcppJsonContext.Default.MessageInfoType)));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Remove(IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM display_message WHERE id = $id";
        var parameter = command.Parameters.Add(new SqliteParameter("$id", 0));
        foreach (var id in ids)
        {
            parameter.Value = id;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
