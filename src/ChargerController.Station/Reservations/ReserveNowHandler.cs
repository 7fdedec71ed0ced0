using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Reservation;

namespace ChargerController.Station.Reservations;

/// <summary>Answers ReserveNow (H01); the Reserved status report follows the answer (respond-then-act, H01.FR.20/23/24).</summary>
public sealed class ReserveNowHandler : IOcppRequestHandler<ReserveNowRequest, ReserveNowResponse>, IOcppAfterResponse<ReserveNowRequest, ReserveNowResponse>
{
    private readonly ReservationManager _manager;

    /// <summary>Initializes a new instance of the <see cref="ReserveNowHandler"/> class.</summary>
    /// <param name="manager">The reservation block.</param>
    public ReserveNowHandler(ReservationManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc/>
    public ValueTask<ReserveNowResponse> HandleAsync(ReserveNowRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_manager.Reserve(request));

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(ReserveNowRequest request, ReserveNowResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == ReserveNowStatusEnumType.Accepted)
        {
            await _manager.ReportIfOnlineAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
