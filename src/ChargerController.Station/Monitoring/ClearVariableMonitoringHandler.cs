using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Ocpp.Rpc;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <summary>ClearVariableMonitoring (N06): one result per id (N06.FR.05); a cleared monitor's stream is closed after the answer (N13.FR.05).</summary>
public sealed class ClearVariableMonitoringHandler : IOcppRequestHandler<ClearVariableMonitoringRequest, ClearVariableMonitoringResponse>
{
    private readonly MonitoringEngine _engine;
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="ClearVariableMonitoringHandler"/> class.</summary>
    /// <param name="engine">Monitors.</param>
    /// <param name="model">Device model.</param>
    public ClearVariableMonitoringHandler(MonitoringEngine engine, StationDeviceModel model)
    {
        _engine = engine;
        _model = model;
    }

    /// <inheritdoc/>
    public ValueTask<ClearVariableMonitoringResponse> HandleAsync(ClearVariableMonitoringRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = _model.GetInt(DeviceModelCatalog.MonitoringCtrlr, "ItemsPerMessage", 20, "ClearVariableMonitoring");
        if (request.Id.Length > limit)
        {
            // N06.FR.06.
            throw new OcppCallErrorException(RpcErrorCode.OccurrenceConstraintViolation, $"At most {limit} ids per request (ItemsPerMessageClearVariableMonitoring).");
        }

        var results = request.Id.Select(id =>
        {
            var status = _engine.Clear(id);
            return new ClearMonitoringResultType
            {
                Id = id,
                Status = status,
                StatusInfo = status == ClearMonitoringStatusEnumType.Rejected ? new StatusInfoType { ReasonCode = "ReadOnly", AdditionalInfo = "Hard-wired monitor" } : null,
            };
        }).ToArray();
        return ValueTask.FromResult(new ClearVariableMonitoringResponse { ClearMonitoringResult = results });
    }
}
