using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Reservations;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// The reservation gate handed to the transaction rig before the reservation block exists: it forwards to the real
/// <see cref="ReservationManager"/> once that is built with the rig's transaction manager (no reservation until then).
/// </summary>
public sealed class LateReservationGate : IReservationGate
{
    public IReservationGate? Inner { get; set; }

    public ReservationCheck Check(int evseId, IdTokenType idToken, IdTokenType? groupIdToken) =>
        Inner?.Check(evseId, idToken, groupIdToken) ?? ReservationCheck.NotReserved;

    public ValueTask ConsumeAsync(int reservationId, CancellationToken cancellationToken) =>
        Inner?.ConsumeAsync(reservationId, cancellationToken) ?? ValueTask.CompletedTask;
}
