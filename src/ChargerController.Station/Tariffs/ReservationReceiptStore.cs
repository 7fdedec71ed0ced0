using System.Collections.Concurrent;
using ChargerController.Station.Reservations;

namespace ChargerController.Station.Tariffs;

/// <summary>
/// Wraps the reservation block's store to learn when each ReserveNowRequest was accepted: the reservation block saves a
/// reservation exactly when it accepts a ReserveNow (a new one, or one replacing the same id). The time-based reservation
/// cost runs from then until the transaction starts (I12.FR.07). The reservation block itself is not changed; every call
/// goes through to its store. The times are kept in memory: after a restart the reservations loaded from the store have
/// no known time (their time-based cost is then reported as not calculable, I12.FR.14).
/// </summary>
public sealed class ReservationReceiptStore : IReservationStore
{
    private readonly IReservationStore _inner;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _received = new();

    /// <summary>Initializes a new instance of the <see cref="ReservationReceiptStore"/> class.</summary>
    /// <param name="inner">The reservation block's real store.</param>
    /// <param name="time">The station clock.</param>
    public ReservationReceiptStore(IReservationStore inner, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        _inner = inner;
        _time = time;
    }

    /// <summary>Gets when the ReserveNow of a reservation was accepted, or null when unknown.</summary>
    /// <param name="reservationId">The reservation.</param>
    /// <returns>The time, or null.</returns>
    public DateTimeOffset? ReceivedAt(int reservationId) => _received.TryGetValue(reservationId, out var at) ? at : null;

    /// <inheritdoc/>
    public IReadOnlyList<Reservation> LoadAll() => _inner.LoadAll();

    /// <inheritdoc/>
    public void Save(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        _inner.Save(reservation);
        _received[reservation.Id] = _time.GetUtcNow();
    }

    /// <inheritdoc/>
    public void Remove(int reservationId)
    {
        _inner.Remove(reservationId);
        _received.TryRemove(reservationId, out _);
    }
}
