using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Reservations;

/// <summary>The gate of a station without reservations (ReservationCtrlr not available): every EVSE is free.</summary>
public sealed class NoReservations : IReservationGate
{
    /// <inheritdoc/>
    public ReservationCheck Check(int evseId, IdTokenType idToken, IdTokenType? groupIdToken) => ReservationCheck.NotReserved;

    /// <inheritdoc/>
    public ValueTask ConsumeAsync(int reservationId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
