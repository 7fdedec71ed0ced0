using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Provisioning;

/// <summary>Answers GetBaseReport (B07) and then sends the NotifyReport parts.</summary>
public sealed class GetBaseReportHandler : IOcppRequestHandler<GetBaseReportRequest, GetBaseReportResponse>, IOcppAfterResponse<GetBaseReportRequest, GetBaseReportResponse>
{
    private readonly DeviceModelReporter _reporter;
    private readonly IReadOnlySet<ReportBaseEnumType>? _supported;

    /// <summary>Initializes a new instance of the <see cref="GetBaseReportHandler"/> class.</summary>
    /// <param name="reporter">Report sender.</param>
    /// <param name="supported">The report bases offered; null = all three.</param>
    public GetBaseReportHandler(DeviceModelReporter reporter, IReadOnlySet<ReportBaseEnumType>? supported = null)
    {
        _reporter = reporter;
        _supported = supported;
    }

    /// <inheritdoc/>
    public ValueTask<GetBaseReportResponse> HandleAsync(GetBaseReportRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // B07.FR.02: a report base this station does not offer is NotSupported, and no NotifyReport follows.
        return ValueTask.FromResult(_supported is null || _supported.Contains(request.ReportBase)
            ? new GetBaseReportResponse { Status = GenericDeviceModelStatusEnumType.Accepted }
            : new GetBaseReportResponse { Status = GenericDeviceModelStatusEnumType.NotSupported });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(GetBaseReportRequest request, GetBaseReportResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != GenericDeviceModelStatusEnumType.Accepted)
        {
            return;
        }

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
