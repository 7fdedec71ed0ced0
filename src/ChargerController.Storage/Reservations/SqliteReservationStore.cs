using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Reservations;
using Microsoft.Data.Sqlite;

namespace ChargerController.Storage.Reservations;

/// <summary>
/// The open reservations in the station database (table <c>reservation</c>). Every write is committed with
/// <c>synchronous=FULL</c> before it returns, so a reservation the CSMS was told Accepted survives a power cut.
/// Only idToken and type are kept of the tokens (what matching needs), not additionalInfo.
/// </summary>
public sealed class SqliteReservationStore : IReservationStore
{
    private readonly StationDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SqliteReservationStore"/> class.</summary>
    /// <param name="database">The migrated station database.</param>
    public SqliteReservationStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Reservation> LoadAll()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, expiry_unix_ms, id_token, id_token_type, group_id_token, group_id_token_type, evse_id, connector_type FROM reservation ORDER BY id";
        using var reader = command.ExecuteReader();
        var list = new List<Reservation>();
        while (reader.Read())
        {
            var group = reader.IsDBNull(4) ? null : new IdTokenType { IdToken = reader.GetString(4), Type = reader.IsDBNull(5) ? string.Empty : reader.GetString(5) };
            list.Add(new Reservation(
                reader.GetInt32(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                new IdTokenType { IdToken = reader.GetString(2), Type = reader.GetString(3) },
                group,
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return list;
    }

    /// <inheritdoc/>
    public void Save(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO reservation (id, expiry_unix_ms, id_token, id_token_type, group_id_token, group_id_token_type, evse_id, connector_type)
            VALUES ($id, $expiry, $token, $type, $group, $groupType, $evse, $connectorType)
            ON CONFLICT(id) DO UPDATE SET expiry_unix_ms = excluded.expiry_unix_ms, id_token = excluded.id_token,
                id_token_type = excluded.id_token_type, group_id_token = excluded.group_id_token,
                group_id_token_type = excluded.group_id_token_type, evse_id = excluded.evse_id, connector_type = excluded.connector_type
            """;
        command.Parameters.Add(new SqliteParameter("$id", reservation.Id));
        command.Parameters.Add(new SqliteParameter("$expiry", reservation.ExpiryDateTime.ToUnixTimeMilliseconds()));
        command.Parameters.Add(new SqliteParameter("$token", reservation.IdToken.IdToken));
        command.Parameters.Add(new SqliteParameter("$type", reservation.IdToken.Type));
        command.Parameters.Add(new SqliteParameter("$group", (object?)reservation.GroupIdToken?.IdToken ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$groupType", (object?)reservation.GroupIdToken?.Type ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$evse", (object?)reservation.EvseId ?? DBNull.Value));
        command.Parameters.Add(new SqliteParameter("$connectorType", (object?)reservation.ConnectorType ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Remove(int reservationId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM reservation WHERE id = $id";
        command.Parameters.Add(new SqliteParameter("$id", reservationId));
        command.ExecuteNonQuery();
    }
}
