using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <content>Evaluation of value changes, faults and periods into events.</content>
public sealed partial class MonitoringEngine
{
    /// <summary>Evaluates one monitor against the current value now (after it was installed or replaced, N07.FR.11; after a reboot, N07.FR.14).</summary>
    /// <param name="id">The monitor id.</param>
    public void EvaluateNow(int id)
    {
        (VariableMonitor Monitor, MonitorOutcome Outcome)? fired = null;
        string? value;
        lock (_gate)
        {
            if (!_active.TryGetValue(id, out var monitor) || monitor.FaultDriven || !IsThresholdLike(monitor))
            {
                return;
            }

            value = _model.GetValue(monitor.Key);
            var outcome = Evaluate(monitor, value);
            if (outcome.Kind != MonitorOutcomeKind.None)
            {
                fired = (monitor, outcome);
            }
        }

        if (fired is { } f)
        {
            Emit(f.Monitor, f.Outcome.Trigger, f.Outcome.Kind == MonitorOutcomeKind.Cleared, value, null, null);
        }
    }

    /// <summary>Reports an EVSE fault through the hard-wired monitor of its variable (trigger Alerting; cleared when it cleared).</summary>
    /// <param name="key">The fault's variable (<see cref="FaultVariableMap.KeyFor"/>).</param>
    /// <param name="raised">True when raised, false when cleared.</param>
    /// <param name="techCode">The fault kind.</param>
    /// <param name="techInfo">Detail.</param>
    public void ReportFault(VariableKey key, bool raised, string techCode, string? techInfo)
    {
        ArgumentNullException.ThrowIfNull(key);
        VariableMonitor? monitor;
        lock (_gate)
        {
            monitor = _byKey.GetValueOrDefault(key.ToStorageKey())?.FirstOrDefault(m => m.FaultDriven);
        }

        if (monitor is not null)
        {
            Emit(monitor, EventTriggerEnumType.Alerting, cleared: !raised, raised ? "true" : "false", techCode, techInfo);
        }
    }

    private void OnVariableChanged(object? sender, VariableChangedEventArgs e) => EvaluateKey(e.Key);

    private void EvaluateKey(VariableKey key)
    {
        List<(VariableMonitor Monitor, MonitorOutcome Outcome)> fired = [];
        string? value;
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key.ToStorageKey(), out var monitors))
            {
                return;
            }

            value = _model.GetValue(key);
            foreach (var monitor in monitors.Where(m => !m.FaultDriven))
            {
                var outcome = Evaluate(monitor, value);
                if (outcome.Kind != MonitorOutcomeKind.None)
                {
                    fired.Add((monitor, outcome));
                }
            }
        }

        foreach (var (monitor, outcome) in fired)
        {
            Emit(monitor, outcome.Trigger, outcome.Kind == MonitorOutcomeKind.Cleared, value, null, null);
        }
    }

    /// <summary>Evaluates under the lock and keeps the new state.</summary>
    private MonitorOutcome Evaluate(VariableMonitor monitor, string? value)
    {
        var numeric = _model.Find(monitor.Key, out var definition) == VariableLookup.Found && definition!.DataType is DataEnumType.Integer or DataEnumType.Decimal;
        var state = _states.GetValueOrDefault(monitor.Id);
        var outcome = MonitorEvaluator.Evaluate(monitor.Type, monitor.Value, state, value, _targets.GetValueOrDefault(monitor.Key.ToStorageKey()), numeric);
        _states[monitor.Id] = outcome.Next;
        if (outcome.Next.Triggered != state.Triggered)
        {
            PersistTriggered(monitor, outcome.Next.Triggered);
        }

        return outcome;
    }

    private void PersistTriggered(VariableMonitor monitor, bool triggered)
    {
        var name = TriggeredPrefix + monitor.Id.ToString(CultureInfo.InvariantCulture);
        var text = triggered ? "1" : "0";
        if ((_model.GetInternal(name) ?? "0") != text)
        {
            _model.SetInternal(name, text);
        }
    }

    private void Emit(VariableMonitor monitor, EventTriggerEnumType trigger, bool cleared, string? value, string? techCode, string? techInfo, DateTimeOffset? at = null)
    {
        // N05.FR.03, N07.FR.15: only monitors at or below the active level report; MonitoringCtrlr.Enabled switches all off.
        if (!_model.GetBool(DeviceModelCatalog.MonitoringCtrlr, "Enabled", true)
            || monitor.Severity > _model.GetInt(DeviceModelCatalog.MonitoringCtrlr, "ActiveMonitoringLevel", 9))
        {
            return;
        }

        var hidden = _model.Find(monitor.Key, out var definition) == VariableLookup.Found && (definition!.Mutability == MutabilityEnumType.WriteOnly || definition.Secret);
        var actual = hidden ? string.Empty : value ?? string.Empty;
        var data = new EventDataType
        {
            EventId = NextEventId(),
            Timestamp = at ?? _time.GetUtcNow(),
            Trigger = trigger,

            // N07.FR.10: a write-only variable's value is never revealed; ReportingValueSize bounds the rest.
            ActualValue = actual.Length > 2500 ? actual[..2500] : actual,
            Cleared = cleared ? true : null,
            TechCode = techCode,
            TechInfo = techInfo is { Length: > 500 } ? techInfo[..500] : techInfo,

            // N07.FR.06/20: component, variable, monitor id and its severity.
            Component = MonitoringWire.Component(monitor.Key),
            Variable = MonitoringWire.Variable(monitor.Key),
            VariableMonitoringId = monitor.Id,
            EventNotificationType = monitor.NotificationType,
            Severity = monitor.Severity,
        };
        MonitoringLog.EventRaised(_logger, monitor.Id, data.EventId, trigger, cleared, monitor.Key);
        _sink.Post(data);
    }

    private int NextEventId()
    {
        lock (_gate)
        {
            if (_nextEventId > _eventIdLimit)
            {
                // Ids stay unique across reboots: a block is reserved durably before its first id is used.
                _eventIdLimit = _nextEventId - 1 + EventIdBlock;
                _model.SetInternal(EventIdBlockName, _eventIdLimit.ToString(CultureInfo.InvariantCulture));
            }

            return _nextEventId++;
        }
    }

    private void StartTimer(VariableMonitor monitor)
    {
        var timer = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _timers[monitor.Id] = timer;
        _ = RunPeriodicAsync(monitor, timer.Token);
    }

    private void StopTimer(int id)
    {
        if (_timers.Remove(id, out var timer))
        {
            timer.Cancel();
            timer.Dispose();
        }
    }

    private async Task RunPeriodicAsync(VariableMonitor monitor, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromSeconds((double)monitor.Value);
        var aligned = monitor.Type == MonitorEnumType.PeriodicClockAligned;

        // N08.FR.06: every `value` s from when the monitor was set; N08.FR.07: on the clock-aligned instants.
        var next = aligned ? MonitorEvaluator.NextAligned(_time.GetUtcNow(), period) : _time.GetUtcNow() + period;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = next - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }

                // Stamped with the scheduled instant: a clock-aligned value belongs to its boundary.
                Emit(monitor, EventTriggerEnumType.Periodic, cleared: false, _model.GetValue(monitor.Key), null, null, next);
                var now = _time.GetUtcNow();
                next = aligned ? MonitorEvaluator.NextAligned(now, period) : next + period;
                if (next <= now)
                {
                    next = now + period;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Monitor removed or station stopping.
        }
    }
}
