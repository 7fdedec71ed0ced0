using ChargerController.Station.Evse.Events;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;
using ChargerController.Hardware.Abstractions.Contactor;
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
    private PhaseSelection _publishedPhases = PhaseSelection.AllPhases;
    private bool _statusPublishedOnce;
    private TimeSpan? _quietSince;

    /// <summary>
    /// Loop period while the EVSE is quiet: pilot in state A (sampled and debounced), no EV, no session, PWM off,
    /// contactor open, no fault and no self-test or lock operation running. Nothing is energised and nothing waits for
    /// the loop, so sampling the pilot 5 times a second is enough to notice a plug-in (IEC 61851-1 sets no limit on
    /// the A→B reaction; the EVSE only has to answer B with PWM when it is ready); the first sample that differs from A
    /// ends the quiet period and the loop runs at <see cref="EvseOptions.LoopPeriod"/> again (debouncing, PWM,
    /// contactor all at full rate). The IControlPilot contract offers no change event to wait on, so the wake-up is
    /// this first differing sample. Capped at 2/5 of the stall timeout so the supervisor never mistakes a quiet loop
    /// for a stalled one. This is what keeps an idle station at a fraction of a percent of a CPU core.
    /// </summary>
    private static readonly TimeSpan QuietLoopPeriod = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long the EVSE must have been quiet before the loop slows down, so sequences that follow an unplug or a
    /// contactor opening (weld check on the mirror contact, lock release, fault clear rules) always run at full rate.
    /// </summary>
    private static readonly TimeSpan QuietAfter = TimeSpan.FromSeconds(2);

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

                // Faster only while energised, where the opening latency counts (EvseOptions.EnergisedLoopPeriod);
                // slower only after a while with nothing connected (QuietLoopPeriod).
                var period = _interlock.IsClosed && _options.EnergisedLoopPeriod < _options.LoopPeriod ? _options.EnergisedLoopPeriod
                    : StayedQuiet() && QuietPeriod() > _options.LoopPeriod ? QuietPeriod()
                    : _options.LoopPeriod;
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

    private TimeSpan QuietPeriod() => QuietLoopPeriod < _options.LoopStallTimeout * 0.4 ? QuietLoopPeriod : _options.LoopStallTimeout * 0.4;

    /// <summary>Whether the EVSE is quiet now (see <see cref="QuietLoopPeriod"/>) and has been for <see cref="QuietAfter"/>.</summary>
    private bool StayedQuiet()
    {
        var quiet = _observation.State == CpState.A && _observation.Sampled == CpState.A
            && !_evConnected && !_authorized && !_interlock.IsClosed && _duty.Current is null
            && !_faults.Any && _rcdTest?.Running != true && !_rcdSelfTestPending && _lockOp is null && !_resetRequested && !Resetting;
        if (!quiet)
        {
            _quietSince = null;
            return false;
        }

        var now = Now;
        _quietSince ??= now;
        return now - _quietSince.Value >= QuietAfter;
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
            : !_available || Resetting ? ConnectorStatus.Unavailable
            : _evConnected ? ConnectorStatus.Occupied
            : ConnectorStatus.Available;
        if (status != _publishedStatus || !_statusPublishedOnce)
        {
            _events.Add(new ConnectorStatusChanged(id, wall, status));
            _publishedStatus = status;
            _statusPublishedOnce = true;
        }

        if (_activePhases != _publishedPhases)
        {
            // Before anything that reads the snapshot: the limit sources follow the phase count from this event.
            _events.Add(new PhasesChanged(id, wall, _activePhases));
            _publishedPhases = _activePhases;
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
            _faults.Snapshot())
        {
            CableMaxCurrentA = _devices.ProximityPilot is null
                ? _options.TetheredCableMaxCurrentA
                : _cable is { Status: ProximityStatus.Cable } rating ? rating.MaxCurrentA : null,
        };
    }
}
