using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// GetMonitoringReport (N02): Accepted or EmptyResultSet (N02.FR.01/10), then NotifyMonitoringReport parts with the
/// same requestId, seqNo from 0, tbc on all but the last (N02.FR.03/04/09), each monitor with its
/// eventNotificationType (N02.FR.22). Criteria per N02.FR.12-14 and errata 2025-06 (DeltaMonitoring includes the
/// target-delta types).
/// </summary>
public sealed class GetMonitoringReportHandler : IOcppRequestHandler<GetMonitoringReportRequest, GetMonitoringReportResponse>, IOcppAfterResponse<GetMonitoringReportRequest, GetMonitoringReportResponse>
{
    private readonly MonitoringEngine _engine;
    private readonly StationDeviceModel _model;
    private readonly IStationMessageSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="GetMonitoringReportHandler"/> class.</summary>
    /// <param name="engine">Monitors.</param>
    /// <param name="model">Device model (ItemsPerMessage).</param>
    /// <param name="sender">Sender.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public GetMonitoringReportHandler(MonitoringEngine engine, StationDeviceModel model, IStationMessageSender sender, TimeProvider time, ILogger logger)
    {
        _engine = engine;
        _model = model;
        _sender = sender;
        _time = time;
        _logger = logger;
    }

    /// <summary>Groups monitors into report entries (one per variable) and splits them into NotifyMonitoringReport parts.</summary>
    /// <param name="requestId">Request id.</param>
    /// <param name="generatedAt">Timestamp.</param>
    /// <param name="monitors">The selected monitors.</param>
    /// <param name="itemsPerMessage">Entries per part (≥ 1).</param>
    /// <returns>The parts.</returns>
    public static IReadOnlyList<NotifyMonitoringReportRequest> Build(int requestId, DateTimeOffset generatedAt, IEnumerable<VariableMonitor> monitors, int itemsPerMessage)
    {
        var entries = monitors
            .GroupBy(m => m.Key.ToStorageKey(), StringComparer.Ordinal)
            .Select(g => new MonitoringDataType
            {
                Component = MonitoringWire.Component(g.First().Key),
                Variable = MonitoringWire.Variable(g.First().Key),
                VariableMonitoring = [.. g.OrderBy(m => m.Id).Select(m => new VariableMonitoringType
                {
                    Id = m.Id,
                    Transaction = m.Transaction,
                    Value = m.Value,
                    Type = m.Type,
                    Severity = m.Severity,
                    EventNotificationType = m.NotificationType,
                })],
            })
            .ToList();
        var chunks = entries.Chunk(Math.Max(1, itemsPerMessage)).ToList();
        return [.. chunks.Select((chunk, i) => new NotifyMonitoringReportRequest
        {
            RequestId = requestId,
            SeqNo = i,
            Tbc = i < chunks.Count - 1 ? true : null,
            GeneratedAt = generatedAt,
            Monitor = chunk,
        })];
    }

    /// <inheritdoc/>
    public ValueTask<GetMonitoringReportResponse> HandleAsync(GetMonitoringReportRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = Select(request).Count == 0 ? GenericDeviceModelStatusEnumType.EmptyResultSet : GenericDeviceModelStatusEnumType.Accepted;
        return ValueTask.FromResult(new GetMonitoringReportResponse { Status = status });
    }

    /// <inheritdoc/>
    public async ValueTask AfterResponseAsync(GetMonitoringReportRequest request, GetMonitoringReportResponse response, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != GenericDeviceModelStatusEnumType.Accepted)
        {
            return;
        }

        var items = _model.GetInt(DeviceModelCatalog.DeviceDataCtrlr, "ItemsPerMessage", 20, "GetReport");
        try
        {
            foreach (var part in Build(request.RequestId, _time.GetUtcNow(), Select(request), items))
            {
                _ = await _sender.CallAsync<NotifyMonitoringReportRequest, NotifyMonitoringReportResponse>(part, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MonitoringLog.ReportFailed(_logger, request.RequestId, ex);
        }
    }

    private static bool InCriteria(MonitorEnumType type, MonitoringCriterionEnumType[]? criteria) =>
        criteria is not { Length: > 0 } || criteria.Any(c => c switch
        {
            MonitoringCriterionEnumType.ThresholdMonitoring => type is MonitorEnumType.UpperThreshold or MonitorEnumType.LowerThreshold,
            MonitoringCriterionEnumType.DeltaMonitoring => type is MonitorEnumType.Delta or MonitorEnumType.TargetDelta or MonitorEnumType.TargetDeltaRelative,
            _ => type is MonitorEnumType.Periodic or MonitorEnumType.PeriodicClockAligned,
        });

    private List<VariableMonitor> Select(GetMonitoringReportRequest request) =>
        [.. _engine.ActiveMonitors.Where(m =>
            InCriteria(m.Type, request.MonitoringCriteria)
            && (request.ComponentVariable is not { Length: > 0 } filters || filters.Any(f => MonitoringWire.Matches(f, m.Key))))];
}
