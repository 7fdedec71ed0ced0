using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Messages.Provisioning;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Provisioning;

/// <summary>Sends selected variables as NotifyReport parts (allowed while Pending, B02.FR.02).</summary>
public sealed class DeviceModelReporter
{
    private readonly StationDeviceModel _model;
    private readonly IStationMessageSender _sender;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="DeviceModelReporter"/> class.</summary>
    /// <param name="model">Device model.</param>
    /// <param name="sender">Sender.</param>
    /// <param name="time">Clock.</param>
    public DeviceModelReporter(StationDeviceModel model, IStationMessageSender sender, TimeProvider time)
    {
        _model = model;
        _sender = sender;
        _time = time;
    }

    /// <summary>Gets the device model.</summary>
    public StationDeviceModel Model => _model;

    /// <summary>Sends the variables as NotifyReport parts.</summary>
    /// <param name="requestId">Request id.</param>
    /// <param name="variables">What to report.</param>
    /// <param name="withCharacteristics">FullInventory style.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task SendAsync(int requestId, IEnumerable<VariableDefinition> variables, bool withCharacteristics, CancellationToken cancellationToken)
    {
        var data = variables.Select(d => NotifyReportBuilder.ToReportData(d, _model.GetValue(d.Key), withCharacteristics)).ToArray<ReportDataType>();
        var items = _model.GetInt(DeviceModelCatalog.DeviceDataCtrlr, "ItemsPerMessage", 20, "GetReport");
        var bytes = _model.GetInt(DeviceModelCatalog.DeviceDataCtrlr, "BytesPerMessage", int.MaxValue, "GetReport");
        foreach (var part in NotifyReportBuilder.Split(requestId, _time.GetUtcNow(), data, items, bytes))
        {
            await _sender.CallRequestedAsync<NotifyReportRequest, NotifyReportResponse>(part, cancellationToken).ConfigureAwait(false);
        }
    }
}
