using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Reservations;

/// <summary>
/// What the transaction layer asks the reservation block (H01-H04) before it starts charging on an EVSE: a reserved
/// EVSE accepts only the reserving idToken or its groupIdToken (H01.FR.09/10), and the reservation ends when the
/// reserving token starts a transaction there (H03, reservationId in TransactionEvent).
/// </summary>
public interface IReservationGate
{
    /// <summary>Checks whether <paramref name="idToken"/> may start on <paramref name="evseId"/>.</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="idToken">The token presented.</param>
    /// <param name="groupIdToken">Its group token, when the authorization returned one.</param>
    /// <returns>The outcome.</returns>
    ReservationCheck Check(int evseId, IdTokenType idToken, IdTokenType? groupIdToken);

    /// <summary>Ends the reservation that a transaction now uses (H01.FR.x: the reservation is consumed).</summary>
    /// <param name="reservationId">The reservation.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    ValueTask ConsumeAsync(int reservationId, CancellationToken cancellationToken);
}
