using ChargerController.Station.DeviceModel;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// Turns EVSE faults into device-model state and hard-wired monitor events: each raised fault sets its component's
/// <c>Problem</c> (or <c>Tripped</c>) variable and sends NotifyEvent (trigger Alerting, techCode = fault kind, techInfo =
/// reason); each cleared fault sends the matching event with <c>cleared</c> = true, and the variable returns to false once
/// no fault of that component remains. Covers meter loss (<see cref="FaultKind.MeterFailure"/>) like every other fault.
/// </summary>
public sealed class FaultMonitorBridge : IDisposable
{
    private readonly IEvseEventFeed _feed;
    private readonly MonitoringEngine _engine;
    private readonly StationDeviceModel _model;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<FaultKind>> _active = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="FaultMonitorBridge"/> class and subscribes.</summary>
    /// <param name="feed">EVSE events.</param>
    /// <param name="engine">Monitors.</param>
    /// <param name="model">Device model.</param>
    public FaultMonitorBridge(IEvseEventFeed feed, MonitoringEngine engine, StationDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _feed = feed;
        _engine = engine;
        _model = model;
        _feed.EventRaised += OnEvent;
    }

    /// <inheritdoc/>
    public void Dispose() => _feed.EventRaised -= OnEvent;

    private void OnEvent(object? sender, EvseEvent e)
    {
        switch (e)
        {
            case EvseFaultRaised raised:
                Apply(raised.EvseId, raised.Fault, true);
                break;
            case EvseFaultCleared cleared:
                Apply(cleared.EvseId, cleared.Fault, false);
                break;
        }
    }

    private void Apply(int evseId, Fault fault, bool raised)
    {
        var key = FaultVariableMap.KeyFor(fault.Kind, evseId);
        var storage = key.ToStorageKey();
        bool any;
        lock (_gate)
        {
            if (!_active.TryGetValue(storage, out var kinds))
            {
                _active[storage] = kinds = [];
            }

            var changed = raised ? kinds.Add(fault.Kind) : kinds.Remove(fault.Kind);
            if (!changed)
            {
                return;
            }

            any = kinds.Count > 0;
        }

        _engine.ReportFault(key, raised, fault.Kind.ToString(), fault.Reason);
        _model.SetByStation(key, any ? "true" : "false");
    }
}
