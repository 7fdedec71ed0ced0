using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// Keeps <c>EVSE.AvailabilityState</c> in step with its connector's <c>AvailabilityState</c> (each EVSE of this
/// station has one connector), so the preconfigured Delta monitors on EVSE availability report too (G01 scenario 1a).
/// </summary>
public sealed class EvseAvailabilityMirror : IDisposable
{
    private readonly StationDeviceModel _model;

    /// <summary>Initializes a new instance of the <see cref="EvseAvailabilityMirror"/> class and subscribes.</summary>
    /// <param name="model">The device model.</param>
    public EvseAvailabilityMirror(StationDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _model.Changed += OnChanged;
    }

    /// <inheritdoc/>
    public void Dispose() => _model.Changed -= OnChanged;

    private void OnChanged(object? sender, VariableChangedEventArgs e)
    {
        var key = e.Key;
        if (key.EvseId is { } evse && key.ConnectorId is not null
            && string.Equals(key.Component, DeviceModelCatalog.Connector, StringComparison.OrdinalIgnoreCase)
            && string.Equals(key.Variable, "AvailabilityState", StringComparison.OrdinalIgnoreCase))
        {
            _model.SetByStation(new VariableKey(DeviceModelCatalog.Evse, null, evse, null, "AvailabilityState", null), e.Value);
        }
    }
}
