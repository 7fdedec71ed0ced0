using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Reservation;

namespace ChargerController.Station.Reservations;

/// <content>ReserveNow (H01) and CancelReservation (H02).</content>
public sealed partial class ReservationManager
{
    /// <summary>Decides and records a ReserveNow; the status report follows the answer (<see cref="ReportIfOnlineAsync"/>).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    public ReserveNowResponse Reserve(ReserveNowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = ReserveCore(request, out var reason);
        ReservationLog.ReserveNowAnswered(_logger, request.Id, request.EvseId, request.ConnectorType, status);
        return new ReserveNowResponse
        {
            Status = status,
            StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = reason },
        };
    }

    /// <summary>Cancels a reservation (H02); no ReservationStatusUpdate, the CSMS asked for it (H02 remark).</summary>
    /// <param name="reservationId">The id.</param>
    /// <returns>Accepted, or Rejected when no such reservation is open (H02.FR.01).</returns>
    public CancelReservationStatusEnumType Cancel(int reservationId)
    {
        lock (_gate)
        {
            var removed = _book.Remove(reservationId);
            if (removed is null)
            {
                return CancelReservationStatusEnumType.Rejected;
            }

            RemoveFromStore([removed]);
            RescheduleLocked();
        }

        ReservationLog.ReservationCancelled(_logger, reservationId);
        return CancelReservationStatusEnumType.Accepted; // H02.FR.02
    }

    private ReserveNowStatusEnumType ReserveCore(ReserveNowRequest request, out string? reason)
    {
        reason = null;
        if (_context is null || !IsEnabled())
        {
            return ReserveNowStatusEnumType.Rejected; // H01.FR.01
        }

        if (request.IdToken is null || request.EvseId is <= 0)
        {
            reason = "InvalidValue";
            return ReserveNowStatusEnumType.Rejected;
        }

        // A reservation that is over before it starts would only produce an Expired at once.
        if (request.ExpiryDateTime <= Context.Time.GetUtcNow())
        {
            reason = "InvalidValue";
            return ReserveNowStatusEnumType.Rejected;
        }

        var candidate = new Reservation(
            request.Id,
            request.ExpiryDateTime,
            request.IdToken,
            request.GroupIdToken,
            request.EvseId,
            string.IsNullOrEmpty(request.ConnectorType) ? null : request.ConnectorType);
        var nonEvseSpecific = Context.DeviceModel.GetBool(ReservationCtrlr, "NonEvseSpecific", false);
        var evses = Snapshot();
        lock (_gate)
        {
            var status = _book.Evaluate(candidate, evses, nonEvseSpecific);
            if (status != ReserveNowStatusEnumType.Accepted)
            {
                return status;
            }

            try
            {
                _store.Save(candidate);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Never accept what would be forgotten at the next reset.
                ReservationLog.StoreFailed(_logger, ex);
                reason = "InternalError";
                return ReserveNowStatusEnumType.Rejected;
            }

            _book.Put(candidate); // H01.FR.02: the same id replaces the old one.
            RescheduleLocked();
            return status;
        }
    }
}
