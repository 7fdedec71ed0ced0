using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <summary>SetMonitoringLevel (N05): 0-9 accepted and persisted as ActiveMonitoringLevel (N05.FR.01/03), anything else Rejected (N05.FR.02).</summary>
public sealed class SetMonitoringLevelHandler : IOcppRequestHandler<SetMonitoringLevelRequest, SetMonitoringLevelResponse>
{
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="SetMonitoringLevelHandler"/> class.</summary>
    /// <param name="model">Device model.</param>
    public SetMonitoringLevelHandler(StationDeviceModel model) => _model = model;

    /// <inheritdoc/>
    public ValueTask<SetMonitoringLevelResponse> HandleAsync(SetMonitoringLevelRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Severity is < 0 or > 9)
        {
            return ValueTask.FromResult(new SetMonitoringLevelResponse
            {
                Status = GenericStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "InvalidValue", AdditionalInfo = "Severity must be 0-9" },
            });
        }

        var level = request.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _model.SetByStation(VariableKey.Of(DeviceModelCatalog.MonitoringCtrlr, "ActiveMonitoringLevel"), level);
        _model.SetByStation(VariableKey.Of(DeviceModelCatalog.MonitoringCtrlr, "MonitoringLevel"), level);
        return ValueTask.FromResult(new SetMonitoringLevelResponse { Status = GenericStatusEnumType.Accepted });
    }
}
