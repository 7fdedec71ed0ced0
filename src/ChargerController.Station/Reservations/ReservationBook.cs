using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Reservations;

/// <summary>
/// The open reservations and the rules of block H over a snapshot of the EVSEs; no clock, no I/O, no locking (the
/// <see cref="ReservationManager"/> serialises access). A reservation for "any EVSE" or "any EVSE with a connector
/// type" holds no EVSE of its own: the book keeps enough free EVSEs back for all of them (H01.FR.07/09) and shows those
/// free EVSEs as Reserved once there are no more than needed (H01.FR.20/24).
/// </summary>
public sealed class ReservationBook
{
    private readonly SortedDictionary<int, Reservation> _reservations = [];

    /// <summary>Gets the open reservations, in id order.</summary>
    public IReadOnlyList<Reservation> All => [.. _reservations.Values];

    /// <summary>Gets the number of open reservations.</summary>
    public int Count => _reservations.Count;

    /// <summary>Gets a reservation by id.</summary>
    /// <param name="reservationId">The id.</param>
    /// <returns>The reservation or null.</returns>
    public Reservation? Find(int reservationId) => _reservations.GetValueOrDefault(reservationId);

    /// <summary>Adds or replaces (same id) a reservation without checking it.</summary>
    /// <param name="reservation">The reservation.</param>
    public void Put(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        _reservations[reservation.Id] = reservation;
    }

    /// <summary>Removes a reservation.</summary>
    /// <param name="reservationId">The id.</param>
    /// <returns>The removed reservation, or null when unknown.</returns>
    public Reservation? Remove(int reservationId) => _reservations.Remove(reservationId, out var removed) ? removed : null;

    /// <summary>
    /// Decides the ReserveNow answer for <paramref name="candidate"/> (H01.FR.03-14, 18/19), leaving out any open
    /// reservation with the same id, which the candidate would replace (H01.FR.02). Does not change the book.
    /// </summary>
    /// <param name="candidate">The requested reservation.</param>
    /// <param name="evses">The EVSEs now.</param>
    /// <param name="nonEvseSpecific">ReservationCtrlr.NonEvseSpecific.</param>
    /// <returns>Accepted, Occupied, Faulted, Unavailable or Rejected.</returns>
    public ReserveNowStatusEnumType Evaluate(Reservation candidate, IReadOnlyList<EvseView> evses, bool nonEvseSpecific)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(evses);
        var others = _reservations.Values.Where(r => r.Id != candidate.Id).ToList();
        if (candidate.EvseId is { } evseId)
        {
            var evse = evses.FirstOrDefault(e => e.EvseId == evseId);
            if (evse is null || (candidate.ConnectorType is { } type && !evse.Has(type)))
            {
                return ReserveNowStatusEnumType.Rejected;
            }

            switch (evse.State)
            {
                case EvseState.Faulted:
                    return ReserveNowStatusEnumType.Faulted; // H01.FR.12
                case EvseState.Unavailable:
                    return ReserveNowStatusEnumType.Unavailable; // H01.FR.14
                case EvseState.Occupied:
                    return ReserveNowStatusEnumType.Occupied; // H01.FR.11/13
            }

            // H01.FR.11: an EVSE already reserved, specifically or as one of the last free EVSEs kept back for
            // reservations on any EVSE, shows Reserved and so answers Occupied.
            return others.Any(r => r.EvseId == evseId) || !Feasible(others.Append(candidate), evses)
                ? ReserveNowStatusEnumType.Occupied
                : ReserveNowStatusEnumType.Accepted;
        }

        // H01.FR.18/19 (and H01.FR.06, which builds on H01.FR.18): any-EVSE reservations only when configured.
        if (!nonEvseSpecific)
        {
            return ReserveNowStatusEnumType.Rejected;
        }

        var targets = candidate.ConnectorType is { } connectorType ? [.. evses.Where(e => e.Has(connectorType))] : evses;
        if (targets.Count == 0)
        {
            return ReserveNowStatusEnumType.Rejected;
        }

        if (Feasible(others.Append(candidate), evses))
        {
            return ReserveNowStatusEnumType.Accepted; // H01.FR.04/06
        }

        // "(All) targeted EVSEs have status …" (H01.FR.11/12/14): a free EVSE that is kept back counts as Reserved.
        if (targets.Any(e => e.State is EvseState.Occupied or EvseState.Available))
        {
            return ReserveNowStatusEnumType.Occupied;
        }

        return targets.All(e => e.State == EvseState.Faulted) ? ReserveNowStatusEnumType.Faulted : ReserveNowStatusEnumType.Unavailable;
    }

    /// <summary>Gets whether an EVSE is to be shown Reserved (H01.FR.20/23/24).</summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="evses">The EVSEs now.</param>
    /// <returns>True when reserved.</returns>
    public bool IsReserved(int evseId, IReadOnlyList<EvseView> evses)
    {
        ArgumentNullException.ThrowIfNull(evses);
        if (_reservations.Values.Any(r => r.EvseId == evseId))
        {
            return true;
        }

        var free = Free(_reservations.Values, evses);
        var evse = free.FirstOrDefault(e => e.EvseId == evseId);
        if (evse is null)
        {
            return false;
        }

        var floating = _reservations.Values.Where(r => !r.IsEvseSpecific).ToList();
        if (floating.Count > 0 && free.Count <= floating.Count)
        {
            return true; // H01.FR.20: as many free EVSEs as open reservations on any EVSE.
        }

        // H01.FR.24: as many free EVSEs with a connector type as open reservations for that type.
        return floating.Where(r => r.ConnectorType is { } t && evse.Has(t))
            .GroupBy(r => r.ConnectorType!, StringComparer.OrdinalIgnoreCase)
            .Any(g => free.Count(e => e.Has(g.Key)) <= g.Count());
    }

    /// <summary>
    /// Checks whether a token may start on an EVSE (H03.FR.01-06): on a specifically reserved EVSE only the
    /// reservation's token or group; elsewhere a token with an open any-EVSE (or connector type) reservation uses it,
    /// and any other token is refused when starting would leave too few free EVSEs for those reservations (H01.FR.07/09).
    /// </summary>
    /// <param name="evseId">The EVSE.</param>
    /// <param name="idToken">The token.</param>
    /// <param name="groupIdToken">Its group, when known.</param>
    /// <param name="evses">The EVSEs now.</param>
    /// <returns>The outcome, with the reservation the start consumes.</returns>
    public ReservationCheck Check(int evseId, IdTokenType idToken, IdTokenType? groupIdToken, IReadOnlyList<EvseView> evses)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        ArgumentNullException.ThrowIfNull(evses);
        var specific = _reservations.Values.FirstOrDefault(r => r.EvseId == evseId);
        if (specific is not null)
        {
            return specific.Matches(idToken, groupIdToken) ? new ReservationCheck(true, specific.Id) : new ReservationCheck(false, null);
        }

        var evse = evses.FirstOrDefault(e => e.EvseId == evseId);
        var own = _reservations.Values.FirstOrDefault(r => !r.IsEvseSpecific && r.Matches(idToken, groupIdToken)
            && (r.ConnectorType is null || evse?.Has(r.ConnectorType) == true));
        if (own is not null)
        {
            return new ReservationCheck(true, own.Id);
        }

        // Starting here takes this EVSE away from the pool; the others must still cover every open reservation.
        var rest = evses.Where(e => e.EvseId != evseId).ToList();
        return Feasible(_reservations.Values, rest) ? ReservationCheck.NotReserved : new ReservationCheck(false, null);
    }

    /// <summary>Removes and returns the reservations whose expiry time has come (H04.FR.01).</summary>
    /// <param name="now">The time now.</param>
    /// <returns>The expired reservations.</returns>
    public IReadOnlyList<Reservation> TakeExpired(DateTimeOffset now)
    {
        var expired = _reservations.Values.Where(r => r.ExpiryDateTime <= now).ToList();
        foreach (var reservation in expired)
        {
            _reservations.Remove(reservation.Id);
        }

        return expired;
    }

    /// <summary>
    /// Removes and returns the reservations an EVSE that went Faulted or Unavailable cancels (H01.FR.16/17): those on
    /// that EVSE, and any-EVSE reservations that the EVSEs still in service can no longer cover (latest expiry first).
    /// An Occupied EVSE cancels nothing: it frees up again.
    /// </summary>
    /// <param name="evses">The EVSEs now.</param>
    /// <returns>The cancelled reservations.</returns>
    public IReadOnlyList<Reservation> TakeOutOfService(IReadOnlyList<EvseView> evses)
    {
        ArgumentNullException.ThrowIfNull(evses);
        var outOfService = evses.Where(e => e.State is EvseState.Faulted or EvseState.Unavailable).Select(e => e.EvseId).ToHashSet();
        var removed = _reservations.Values.Where(r => r.EvseId is { } id && (outOfService.Contains(id) || evses.All(e => e.EvseId != id))).ToList();
        foreach (var reservation in removed)
        {
            _reservations.Remove(reservation.Id);
        }

        var inService = evses.Select(e => e.State == EvseState.Occupied ? e with { State = EvseState.Available } : e).ToList();
        while (!Feasible(_reservations.Values, inService))
        {
            var last = _reservations.Values.Where(r => !r.IsEvseSpecific).OrderByDescending(r => r.ExpiryDateTime).ThenByDescending(r => r.Id).First();
            _reservations.Remove(last.Id);
            removed.Add(last);
        }

        return removed;
    }

    /// <summary>Gets the time of the next expiry, or null when the book is empty.</summary>
    /// <returns>The earliest expiry time.</returns>
    public DateTimeOffset? NextExpiry() => _reservations.Count == 0 ? null : _reservations.Values.Min(r => r.ExpiryDateTime);

    private static List<EvseView> Free(IEnumerable<Reservation> reservations, IEnumerable<EvseView> evses)
    {
        var held = reservations.Where(r => r.EvseId is not null).Select(r => r.EvseId!.Value).ToHashSet();
        return [.. evses.Where(e => e.State == EvseState.Available && !held.Contains(e.EvseId))];
    }

    /// <summary>
    /// Whether the free EVSEs can serve every open any-EVSE reservation: enough free EVSEs overall and enough with
    /// each reserved connector type. Exact for stations whose EVSEs share one connector type; with mixed types a
    /// conservative approximation of the matching.
    /// </summary>
    private static bool Feasible(IEnumerable<Reservation> reservations, IReadOnlyList<EvseView> evses)
    {
        var list = reservations as IReadOnlyCollection<Reservation> ?? [.. reservations];
        var free = Free(list, evses);
        var floating = list.Where(r => !r.IsEvseSpecific).ToList();
        if (free.Count < floating.Count)
        {
            return false;
        }

        return floating.Where(r => r.ConnectorType is not null)
            .GroupBy(r => r.ConnectorType!, StringComparer.OrdinalIgnoreCase)
            .All(g => free.Count(e => e.Has(g.Key)) >= g.Count());
    }
}
