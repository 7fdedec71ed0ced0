using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Diagnostics;

namespace ChargerController.Station.Monitoring;

/// <summary>SetMonitoringBase (N03): All, FactoryDefault and HardWiredOnly are all supported (N03.FR.01).</summary>
public sealed class SetMonitoringBaseHandler : IOcppRequestHandler<SetMonitoringBaseRequest, SetMonitoringBaseResponse>
{
    private readonly MonitoringEngine _engine;

    /// <summary>Initializes a new instance of the <see cref="SetMonitoringBaseHandler"/> class.</summary>
    /// <param name="engine">Monitors.</param>
    public SetMonitoringBaseHandler(MonitoringEngine engine) => _engine = engine;

    /// <inheritdoc/>
    public ValueTask<SetMonitoringBaseResponse> HandleAsync(SetMonitoringBaseRequest request, OcppRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _engine.ApplyBase(request.MonitoringBase);
        return ValueTask.FromResult(new SetMonitoringBaseResponse { Status = GenericDeviceModelStatusEnumType.Accepted });
    }
}
