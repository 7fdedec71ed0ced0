using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Reservation;

namespace ChargerController.Station.Reservations;

/// <summary>Answers CancelReservation (H02); the connectors' Available report follows the answer.</summary>
public sealed class CancelReservationHandler : IOcppRequestHandler<CancelReservationRequest, CancelReservationResponse>, IOcppAfterResponse<CancelReservationRequest, CancelReservationResponse>
{
    private readonly ReservationManager _manager;

    /// <summary>Initializes a new instance of the <see cref="CancelReservationHandler"/> class.</summary>
    /// <param name="manager">The reservation block.</param>
    public CancelReservationHandler(ReservationManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public ValueTask<CancelReservationResponse> HandleAsync(CancelReservationRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(new CancelReservationResponse { Status = _manager.Cancel(request.ReservationId) });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(CancelReservationRequest request, CancelReservationResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == CancelReservationStatusEnumType.Accepted)
        {
            await _manager.ReportIfOnlineAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
