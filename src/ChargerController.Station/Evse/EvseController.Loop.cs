using ChargerController.Station.Evse.Events;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;
using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Evse;

/// <content>The periodic loop and event publication.</content>
public sealed partial class EvseController
{
    private ConnectorStatus _publishedStatus = ConnectorStatus.Available;
    private EvseChargingState _publishedChargingState = EvseChargingState.Idle;
    private bool _publishedEvConnected;
    private PilotState _publishedPilotState = PilotState.Unknown;
    private double _publishedDuty = double.NaN;
    private bool _publishedClosed;
    private bool _statusPublishedOnce;

    /// <summary>
    /// Runs the loop every <see cref="EvseOptions.LoopPeriod"/> (<see cref="EvseOptions.EnergisedLoopPeriod"/> while the
    /// contactor is closed) on the injected clock, with the stalled-loop supervisor
    /// beside it, until cancelled or disposed. Whatever ends it — cancellation, host stop, an exception — the outputs are
    /// left in the safe state (contactor open, pilot F).
    /// </summary>
    /// <param name="cancellationToken">Stops the loop (host stop).</param>
    /// <returns>A task that completes when the loop has stopped and the outputs are safe.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        var token = linked.Token;
        _supervisor.Beat();
        var supervision = _supervisor.RunAsync(token);
        try
        {
            using var timer = new PeriodicTimer(_options.LoopPeriod, _time);
            do
            {
                await StepAsync(token).ConfigureAwait(false);

                // Faster only while energised, where the opening latency counts (EvseOptions.EnergisedLoopPeriod).
                var period = _interlock.IsClosed && _options.EnergisedLoopPeriod < _options.LoopPeriod ? _options.EnergisedLoopPeriod : _options.LoopPeriod;
                if (timer.Period != period)
                {
                    timer.Period = period;
                }
            }
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Host stop or dispose: fall through to the safe state.
        }
        catch (ObjectDisposedException) when (Volatile.Read(ref _disposed) != 0)
        {
            // Disposed while running.
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
            await supervision.ConfigureAwait(false);
            _safeState.Enter(CpSafeSignal.StateF, "loop stopped");
        }
    }

    private void Publish()
    {
        var wall = _time.GetUtcNow();
        var id = _options.EvseId;
        _faults.DrainChanges(_faultChanges);
        foreach (var change in _faultChanges)
        {
            _events.Add(change.Raised ? new EvseFaultRaised(id, wall, change.Fault) : new EvseFaultCleared(id, wall, change.Fault));
            if (!change.Raised)
            {
                LogMessages.FaultCleared(_logger, id, change.Fault.Kind);
            }
        }

        var pilotState = _observation.PilotState;
        if (pilotState != _publishedPilotState)
        {
            _events.Add(new PilotStateChanged(id, wall, _publishedPilotState, pilotState));
            _publishedPilotState = pilotState;
        }

        if (_evConnected != _publishedEvConnected)
        {
            _events.Add(_evConnected ? new EvConnected(id, wall) : new EvDisconnected(id, wall));
            _publishedEvConnected = _evConnected;
        }

        var status = _faults.Any ? ConnectorStatus.Faulted
            : !_available ? ConnectorStatus.Unavailable
            : _evConnected ? ConnectorStatus.Occupied
            : ConnectorStatus.Available;
        if (status != _publishedStatus || !_statusPublishedOnce)
        {
            _events.Add(new ConnectorStatusChanged(id, wall, status));
            _publishedStatus = status;
            _statusPublishedOnce = true;
        }

        var closed = _interlock.IsClosed;
        var pwm = _duty.Current;
        var charging = ChargingStateNow(closed, pwm is not null);
        if (charging != _publishedChargingState)
        {
            _events.Add(new ChargingStateChanged(id, wall, charging));
            _publishedChargingState = charging;
        }

        var duty = pwm ?? SteadyDuty();
        if (!duty.Equals(_publishedDuty))
        {
            _events.Add(new EnergyOfferedChanged(id, wall, pwm is { } d ? DutyCycle.ToCurrent(d) : 0.0, duty));
            _publishedDuty = duty;
        }

        if (_faultChanges.Count > 0 || _events.Count > 0 || closed != _publishedClosed)
        {
            _publishedClosed = closed;
            Volatile.Write(ref _snapshot, BuildSnapshot());
        }

        _faultChanges.Clear();
        if (_events.Count == 0)
        {
            return;
        }

        var handler = EventRaised;
        foreach (var e in _events)
        {
            try
            {
                handler?.Invoke(this, e);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A subscriber must never break the safety loop.
                LogMessages.EventHandlerFailed(_logger, id, ex);
            }
        }

        _events.Clear();
    }

    private double SteadyDuty()
    {
        try
        {
            return _devices.Pilot.Output.DutyCyclePercent;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return 0.0;
        }
    }

    private EvseChargingState ChargingStateNow(bool closed, bool pwm)
    {
        if (!_evConnected)
        {
            return EvseChargingState.Idle;
        }

        if (!_authorized)
        {
            return EvseChargingState.EVConnected;
        }

        if (closed && pwm && _observation.State is CpState.C or CpState.D)
        {
            return EvseChargingState.Charging;
        }

        return pwm && _observation.State == CpState.B ? EvseChargingState.SuspendedEV : EvseChargingState.SuspendedEVSE;
    }

    private EvseSnapshot BuildSnapshot()
    {
        var pwm = _duty.Current;
        return new EvseSnapshot(
            _options.EvseId,
            _observation.PilotState,
            _publishedStatus,
            _publishedChargingState,
            pwm is { } d ? DutyCycle.ToCurrent(d) : 0.0,
            pwm ?? SteadyDuty(),
            _interlock.IsClosed,
            _activePhases,
            _authorized,
            _available,
            _faults.Snapshot());
    }
}
