using System.Collections.Concurrent;

namespace ChargerController.Station.Reservations;

/// <summary>A reservation store that lives as long as the process (simulator, tests without a database).</summary>
public sealed class InMemoryReservationStore : IReservationStore
{
    private readonly ConcurrentDictionary<int, Reservation> _reservations = new();

    /// <inheritdoc/>
    public IReadOnlyList<Reservation> LoadAll() => [.. _reservations.Values.OrderBy(r => r.Id)];

    /// <inheritdoc/>
    public void Save(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        _reservations[reservation.Id] = reservation;
    }

    /// <inheritdoc/>
    public void Remove(int reservationId) => _reservations.TryRemove(reservationId, out _);
}
