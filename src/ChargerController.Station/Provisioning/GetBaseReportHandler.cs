using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning;

/// <summary>Answers GetBaseReport (B07) and then sends the NotifyReport parts.</summary>
public sealed class GetBaseReportHandler : IOcppRequestHandler<GetBaseReportRequest, GetBaseReportResponse>, IOcppAfterResponse<GetBaseReportRequest, GetBaseReportResponse>
{
    private readonly DeviceModelReporter _reporter;

    /// <summary>Initializes a new instance of the <see cref="GetBaseReportHandler"/> class.</summary>
    /// <param name="reporter">Report sender.</param>
    public GetBaseReportHandler(DeviceModelReporter reporter) => _reporter = reporter;

    /// <inheritdoc/>
    public ValueTask<GetBaseReportResponse> HandleAsync(GetBaseReportRequest request, OcppRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new GetBaseReportResponse { Status = GenericDeviceModelStatusEnumType.Accepted });

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(GetBaseReportRequest request, GetBaseReportResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = _reporter.Model.Definitions;
        IEnumerable<VariableDefinition> selected = request.ReportBase switch
        {
            // B07: ConfigurationInventory = what the CSMS can set; SummaryInventory = components' availability/problems.
            ReportBaseEnumType.ConfigurationInventory => all.Where(d => d.Mutability != MutabilityEnumType.ReadOnly),
            ReportBaseEnumType.SummaryInventory => all.Where(d => d.Key.Variable is "AvailabilityState" or "Available" or "Problem"),
            _ => all,
        };
        await _reporter.SendAsync(request.RequestId, selected, request.ReportBase == ReportBaseEnumType.FullInventory, cancellationToken).ConfigureAwait(false);
    }
}
