namespace ChargerController.Station.Reservations;

/// <summary>
/// Durable storage of the open reservations, so they survive a reset or a power cut (TC_B_24: a reserved connector is
/// still reported <c>Reserved</c> after the reboot). Implemented by Storage on SQLite; every call is durable on return.
/// </summary>
public interface IReservationStore
{
    /// <summary>Loads every stored reservation.</summary>
    /// <returns>The reservations, in id order.</returns>
    IReadOnlyList<Reservation> LoadAll();

    /// <summary>Stores a reservation, replacing one with the same id.</summary>
    /// <param name="reservation">The reservation.</param>
    void Save(Reservation reservation);

    /// <summary>Removes a reservation; unknown ids are ignored.</summary>
    /// <param name="reservationId">The id.</param>
    void Remove(int reservationId);
}
