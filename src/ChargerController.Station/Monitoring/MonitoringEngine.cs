using System.Globalization;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// The set of active monitors and their evaluation: built-in monitors (<see cref="BuiltInMonitors"/>) filtered by the
/// active monitoring base (N03), custom monitors from the <see cref="IMonitorStore"/> (N04, N07.FR.13), value changes
/// from the device model evaluated by <see cref="MonitorEvaluator"/> (N07), periodic timers (N08) and the EVSE fault
/// path for the hard-wired monitors. Events go to the <see cref="MonitoringEventSink"/>.
/// </summary>
public sealed partial class MonitoringEngine : IAsyncDisposable
{
    private const string TriggeredPrefix = "Monitoring/Triggered/";
    private const string EventIdBlockName = "Monitoring/EventIdBlock";
    private const int EventIdBlock = 1000;
    private readonly StationDeviceModel _model;
    private readonly IMonitorStore _store;
    private readonly MonitoringEventSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<VariableMonitor> _builtIn;
    private readonly Dictionary<int, VariableMonitor> _stored = [];
    private readonly Dictionary<int, VariableMonitor> _active = [];
    private readonly Dictionary<string, List<VariableMonitor>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, MonitorState> _states = [];
    private readonly Dictionary<int, CancellationTokenSource> _timers = [];
    private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _nextEventId;
    private int _eventIdLimit;
    private bool _started;

    /// <summary>Initializes a new instance of the <see cref="MonitoringEngine"/> class.</summary>
    /// <param name="model">The device model (values, MonitoringCtrlr settings).</param>
    /// <param name="store">Durable custom monitors.</param>
    /// <param name="sink">Event delivery.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public MonitoringEngine(StationDeviceModel model, IMonitorStore store, MonitoringEventSink sink, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _model = model;
        _store = store;
        _sink = sink;
        _time = time;
        _logger = logger;
        _builtIn = BuiltInMonitors.Create(model.Definitions);
    }

    /// <summary>Raised (outside the engine's lock) when an active monitor went away: cleared, replaced by base, or removed by SetMonitoringBase.</summary>
    public event EventHandler<VariableMonitor>? Removed;

    /// <summary>Gets the active monitors, ordered by id.</summary>
    public IReadOnlyList<VariableMonitor> ActiveMonitors
    {
        get
        {
            lock (_gate)
            {
                return [.. _active.Values.OrderBy(m => m.Id)];
            }
        }
    }

    /// <summary>Gets the active monitoring base (ActiveMonitoringBase, persisted).</summary>
    public MonitoringBaseEnumType ActiveBase =>
        Enum.TryParse<MonitoringBaseEnumType>(_model.GetValue(VariableKey.Of(DeviceModelCatalog.MonitoringCtrlr, "ActiveMonitoringBase")), out var value) ? value : MonitoringBaseEnumType.All;

    /// <summary>Loads the monitors, restores threshold states and starts watching the device model.</summary>
    public void Start()
    {
        var block = int.TryParse(_model.GetInternal(EventIdBlockName), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 0;
        List<VariableMonitor> restored = [];
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _nextEventId = block + 1;
            _eventIdLimit = block;
            foreach (var monitor in _store.LoadAll())
            {
                _stored[monitor.Id] = monitor;
            }

            Recompute(out _);
            foreach (var monitor in _active.Values.Where(IsThresholdLike))
            {
                if (_model.GetInternal(TriggeredPrefix + monitor.Id.ToString(CultureInfo.InvariantCulture)) == "1")
                {
                    _states[monitor.Id] = _states[monitor.Id] with { Triggered = true };
                    restored.Add(monitor);
                }
            }
        }

        _model.Changed += OnVariableChanged;

        // N07.FR.14: a threshold exceeded before the reboot and back within bounds now reports cleared.
        foreach (var monitor in restored)
        {
            EvaluateNow(monitor.Id);
        }
    }

    /// <summary>Gets an active monitor by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The monitor or null.</returns>
    public VariableMonitor? FindActive(int id)
    {
        lock (_gate)
        {
            return _active.GetValueOrDefault(id);
        }
    }

    /// <summary>Gets whether an id is a hard-wired monitor.</summary>
    /// <param name="id">The id.</param>
    /// <returns>True for hard-wired ids.</returns>
    public bool IsHardWired(int id) => _builtIn.Any(m => m.Id == id && m.Origin == MonitorOrigin.HardWired);

    /// <summary>Allocates an id for a new custom monitor (N04.FR.11).</summary>
    /// <returns>The id.</returns>
    public int NextCustomId()
    {
        lock (_gate)
        {
            var max = _stored.Keys.Concat(_active.Keys).DefaultIfEmpty(0).Max();
            return Math.Max(BuiltInMonitors.FirstCustomId, max + 1);
        }
    }

    /// <summary>Installs or replaces a custom monitor (N04.FR.08/12/15): stored durably, then active. Call <see cref="EvaluateNow"/> afterwards.</summary>
    /// <param name="monitor">The monitor.</param>
    public void Install(VariableMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        List<VariableMonitor> removed;
        lock (_gate)
        {
            _store.Save(monitor);
            _stored[monitor.Id] = monitor;
            Recompute(out removed);
        }

        MonitoringLog.Installed(_logger, monitor.Id, monitor.Key, monitor.Type, monitor.Value, monitor.Severity);
        RaiseRemoved(removed);
    }

    /// <summary>Clears one monitor (N06).</summary>
    /// <param name="id">The id.</param>
    /// <returns>Accepted, NotFound, or Rejected for hard-wired monitors (N06.FR.03).</returns>
    public ClearMonitoringStatusEnumType Clear(int id)
    {
        List<VariableMonitor> removed;
        lock (_gate)
        {
            if (!_active.TryGetValue(id, out var monitor))
            {
                return ClearMonitoringStatusEnumType.NotFound;
            }

            if (monitor.Origin == MonitorOrigin.HardWired)
            {
                return ClearMonitoringStatusEnumType.Rejected;
            }

            if (_builtIn.FirstOrDefault(m => m.Id == id) is { } preconfigured)
            {
                // Cleared preconfigured monitors stay away until SetMonitoringBase All/FactoryDefault.
                var tombstone = preconfigured with { Suppressed = true };
                _store.Save(tombstone);
                _stored[id] = tombstone;
            }
            else
            {
                _store.Delete(id);
                _stored.Remove(id);
            }

            Recompute(out removed);
        }

        MonitoringLog.Removed(_logger, id);
        RaiseRemoved(removed);
        return ClearMonitoringStatusEnumType.Accepted;
    }

    /// <summary>Applies SetMonitoringBase (N03.FR.03-05) and persists it as ActiveMonitoringBase.</summary>
    /// <param name="monitoringBase">The base.</param>
    public void ApplyBase(MonitoringBaseEnumType monitoringBase)
    {
        List<VariableMonitor> removed;
        lock (_gate)
        {
            foreach (var name in (string[])["ActiveMonitoringBase", "MonitoringBase"])
            {
                _model.SetByStation(VariableKey.Of(DeviceModelCatalog.MonitoringCtrlr, name), monitoringBase.ToString());
            }

            if (monitoringBase == MonitoringBaseEnumType.All)
            {
                // N03.FR.03: re-activate the preconfigured monitors, keep every custom one (also changed preconfigured ones).
                foreach (var tombstone in _stored.Values.Where(m => m.Suppressed).ToList())
                {
                    _store.Delete(tombstone.Id);
                    _stored.Remove(tombstone.Id);
                }
            }
            else
            {
                // N03.FR.04/05: every custom monitor goes; FactoryDefault re-activates the preconfigured ones.
                _store.DeleteAll();
                _stored.Clear();
            }

            Recompute(out removed);
        }

        MonitoringLog.Settings(_logger, monitoringBase);
        RaiseRemoved(removed);
    }

    /// <summary>Publishes the Target attribute of a variable for TargetDelta/TargetDeltaRelative monitors (e.g. the smart-charging set point).</summary>
    /// <param name="key">The variable.</param>
    /// <param name="target">The target value, or null when there is none.</param>
    public void SetTarget(VariableKey key, string? target)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (target is null)
            {
                _targets.Remove(key.ToStorageKey());
            }
            else
            {
                _targets[key.ToStorageKey()] = target;
            }
        }

        EvaluateKey(key);
    }

    /// <summary>Gets whether a Target value is known for a variable.</summary>
    /// <param name="key">The variable.</param>
    /// <returns>True when known.</returns>
    public bool HasTarget(VariableKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _targets.ContainsKey(key.ToStorageKey());
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _model.Changed -= OnVariableChanged;
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        _stop.Dispose();
    }

    private static bool IsThresholdLike(VariableMonitor monitor) =>
        monitor.Type is MonitorEnumType.UpperThreshold or MonitorEnumType.LowerThreshold or MonitorEnumType.TargetDelta or MonitorEnumType.TargetDeltaRelative;

    private void RaiseRemoved(List<VariableMonitor> removed)
    {
        foreach (var monitor in removed)
        {
            Removed?.Invoke(this, monitor);
        }
    }

    /// <summary>Rebuilds the active set from the built-ins, the base and the stored monitors; keeps the state of surviving ids.</summary>
    private void Recompute(out List<VariableMonitor> removed)
    {
        var preconfiguredActive = ActiveBase != MonitoringBaseEnumType.HardWiredOnly;
        var next = new Dictionary<int, VariableMonitor>();
        foreach (var monitor in _builtIn)
        {
            if (monitor.Origin == MonitorOrigin.HardWired || preconfiguredActive)
            {
                next[monitor.Id] = monitor;
            }
        }

        foreach (var monitor in _stored.Values)
        {
            if (monitor.Suppressed)
            {
                next.Remove(monitor.Id);
            }
            else if (!next.TryGetValue(monitor.Id, out var builtIn) || builtIn.Origin != MonitorOrigin.HardWired)
            {
                next[monitor.Id] = monitor;
            }
        }

        removed = [.. _active.Values.Where(m => !next.ContainsKey(m.Id) || next[m.Id] != m)];
        foreach (var monitor in removed)
        {
            StopTimer(monitor.Id);
            if (!next.ContainsKey(monitor.Id))
            {
                _states.Remove(monitor.Id);
                PersistTriggered(monitor, false);
            }
        }

        _active.Clear();
        _byKey.Clear();
        foreach (var monitor in next.Values)
        {
            _active[monitor.Id] = monitor;
            var key = monitor.Key.ToStorageKey();
            if (!_byKey.TryGetValue(key, out var list))
            {
                _byKey[key] = list = [];
            }

            list.Add(monitor);
            if (!_states.ContainsKey(monitor.Id))
            {
                // N07.FR.18: a Delta monitor compares against the value at the time it was set.
                _states[monitor.Id] = new MonitorState(false, _model.GetValue(monitor.Key) ?? string.Empty);
            }

            if (monitor.Type is MonitorEnumType.Periodic or MonitorEnumType.PeriodicClockAligned && !_timers.ContainsKey(monitor.Id))
            {
                StartTimer(monitor);
            }
        }

        // Removed-then-replaced monitors (same id, new record) count as replaced, not removed, for the caller.
        removed = [.. removed.Where(m => !next.ContainsKey(m.Id))];
    }
}
