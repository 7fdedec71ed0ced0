namespace ChargerController.Station.Reservations;

/// <summary>The answer of <see cref="IReservationGate.Check"/>.</summary>
/// <param name="Allowed">Whether the token may start on the EVSE.</param>
/// <param name="ReservationId">The reservation the start consumes (goes into TransactionEvent.reservationId), or null.</param>
public sealed record ReservationCheck(bool Allowed, int? ReservationId)
{
    /// <summary>Gets the answer for an EVSE without reservation.</summary>
    public static ReservationCheck NotReserved { get; } = new(true, null);
}
