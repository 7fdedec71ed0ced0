using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Availability;

namespace ChargerController.Station.Availability;

/// <summary>Answers ChangeAvailability (G03/G04); the status reports follow the answer (respond-then-act).</summary>
public sealed class ChangeAvailabilityHandler : IOcppRequestHandler<ChangeAvailabilityRequest, ChangeAvailabilityResponse>, IOcppAfterResponse<ChangeAvailabilityRequest, ChangeAvailabilityResponse>
{
    private readonly AvailabilityManager _availability;
    private readonly StatusNotificationReporter _reporter;

    /// <summary>Initializes a new instance of the <see cref="ChangeAvailabilityHandler"/> class.</summary>
    /// <param name="availability">Availability state.</param>
    /// <param name="reporter">Status reporter.</param>
    public ChangeAvailabilityHandler(AvailabilityManager availability, StatusNotificationReporter reporter)
    {
        _availability = availability;
        _reporter = reporter;
    }

    /// <inheritdoc/>
    public ValueTask<ChangeAvailabilityResponse> HandleAsync(ChangeAvailabilityRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = _availability.Change(request.Evse?.Id, request.Evse?.ConnectorId, request.OperationalStatus == OperationalStatusEnumType.Operative);
        return ValueTask.FromResult(new ChangeAvailabilityResponse { Status = status });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(ChangeAvailabilityRequest request, ChangeAvailabilityResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == ChangeAvailabilityStatusEnumType.Accepted)
        {
            await _reporter.ReportChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
