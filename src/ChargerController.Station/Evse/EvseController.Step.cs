using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Evse;

/// <content>One step of the control loop.</content>
public sealed partial class EvseController
{
    private bool _authorized;
    private bool _available = true;
    private double? _externalLimitA;
    private PhaseSelection _requestedPhases = PhaseSelection.AllPhases;
    private PhaseSelection _activePhases = PhaseSelection.AllPhases;
    private TimeSpan _lastOpenedAt;
    private bool _wasClosed;
    private bool _resetRequested;
    private bool _evConnected;
    private CpObservation _observation;
    private TimeSpan? _sampledInvalidSince;
    private TimeSpan _stateFUntil;
    private bool _offering;
    private bool _pilotCommandFailed;
    private TimeSpan _offerWithdrawnAt;

    /// <summary>
    /// Runs one step: sample, debounce, supervise, decide, switch, report. Device exceptions become faults and the safe
    /// state; an unexpected exception in the logic drives the safe state and raises <see cref="FaultKind.ControllerFailure"/>;
    /// the method itself only throws for cancellation (after driving the safe state) or after disposal.
    /// </summary>
    /// <param name="cancellationToken">Cancels the step; the outputs are left safe.</param>
    /// <returns>A task that completes when the step is done.</returns>
    /// <exception cref="ObjectDisposedException">The controller was disposed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async ValueTask StepAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _stepGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            _supervisor.Beat();
            try
            {
                await StepCoreAsync(cancellationToken).ConfigureAwait(false);
                _faults.ConditionGone(FaultKind.ControllerFailure);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _safeState.Enter(CpSafeSignal.StateF, "cancelled");
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogMessages.StepFailed(_logger, _options.EvseId, ex);
                _safeState.Enter(CpSafeSignal.StateF, "controller failure");
                RaiseFault(FaultKind.ControllerFailure, ex.GetType().Name + ": " + ex.Message, Now);
            }

            Publish();
            CompleteReset();
        }
        finally
        {
            _stepGate.Release();
        }
    }

    private async ValueTask StepCoreAsync(CancellationToken cancellationToken)
    {
        TakeCommands();
        TakeReset(Now);
        if (_supervisor.TryAcknowledgeStall())
        {
            RaiseFault(FaultKind.LoopStalled, "no loop step within " + _options.LoopStallTimeout.TotalMilliseconds + " ms", Now);
        }
        else
        {
            _faults.ConditionGone(FaultKind.LoopStalled);
        }

        await SampleControlPilotAsync(cancellationToken).ConfigureAwait(false);

        // The sample may take an evaluation window (an ADC burst): every decision below uses the time it ended.
        var now = Now;
        SuperviseControlPilot(now);
        SuperviseResidualCurrentMonitor(now);
        PollProximityPilot(now);
        PollMeter(now);
        SuperviseOvercurrent(now);
        ApplyPhaseSelection(now);
        DriveConnectorLock(now);
        HandleFaultReset();

        var cableKnown = CableRatingKnown(out var cableA);
        DrivePilot(now, cableA, cableKnown);
        // Same step as the sample: everything between SampleControlPilotAsync and here only reads GPIO or starts
        // background reads (meter, PP), so a withdrawn request reaches the contactor without waiting for another port.
        var outcome = EvaluateInterlock(now, cableKnown);
        if (ReportSupervision(outcome.Supervision, now))
        {
            // The contactor reported a fault this step: drive the pilot to the fault's signal now, not one period later.
            DrivePilot(now, cableA, cableKnown);
        }

        var closed = outcome.Closed;
        if (_wasClosed && !closed)
        {
            _lastOpenedAt = now;
        }

        _wasClosed = closed;
        FinishReset(now);
    }

    private async ValueTask SampleControlPilotAsync(CancellationToken cancellationToken)
    {
        CpObservation observation;
        TimeSpan now;
        try
        {
            var sample = await _devices.Pilot.SampleAsync(cancellationToken).ConfigureAwait(false);
            now = Now;
            observation = _cp.Update(sample, now);
            if (observation.WithdrawalUnconfirmed)
            {
                // The sample withdraws the energy request: confirm it with a second evaluation window now, in this step,
                // so a real C→B / unplug / E opens the contactor below without waiting a loop period, and a one-window
                // spike does not (CpStateMachineOptions.ConfirmWithdrawal).
                var first = observation;
                sample = await _devices.Pilot.SampleAsync(cancellationToken).ConfigureAwait(false);
                now = Now;
                observation = _cp.Update(sample, now) with { Previous = first.Previous };
            }

            if (!_pilotCommandFailed)
            {
                _faults.ConditionGone(FaultKind.PilotFailure);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            now = Now;
            RaiseFault(FaultKind.PilotFailure, "CP sample failed: " + ex.Message, now);
            _cp.SampleMissed();
            observation = _observation with
            {
                Previous = _observation.State,
                Sampled = CpState.Invalid,
                EnergyRequestWithdrawn = true,
                WithdrawalUnconfirmed = false,
                EnergyRequestSettled = false,
            };
        }

        var wasConnected = _evConnected;
        if (observation.State is CpState.B or CpState.C or CpState.D)
        {
            _evConnected = true;
        }
        else if (observation.State == CpState.A)
        {
            _evConnected = false;
        }

        if (wasConnected && !_evConnected)
        {
            // Unplug ends the session and every fault latched "until unplug" (REFERENCE.md §6.4). A locked plug cannot leave
            // the socket, so pilot A with the lock engaged is the cable pulled at the EV side: E09.FR.03 keeps it locked
            // when UnlockOnEVSideDisconnect is false on a socket outlet (no PP = tethered cable, E09.FR.02/03 do not apply).
            if (_keepAuthorizationOnEvSideDisconnect && _authorized && (_devices.ProximityPilot is null || _locked))
            {
                // E10: the transaction is suspended, not ended: the EV plugged in again charges on the same authorization,
                // and the lock holds until the session ends (E10.FR.01), then releases as at any session end. A socket
                // whose plug was not locked may have lost the whole cable: that ends the session as before.
                _suspendedAtEvSide = true;
            }
            else
            {
                _holdLockForDriver = _locked && !_unlockOnEvSideDisconnect && _devices.ProximityPilot is not null;
                EndSession();
            }

            _faults.Unplugged();
            _cable = null;
            _overcurrentSince = null;
        }
        else if (!wasConnected && _evConnected)
        {
            _suspendedAtEvSide = false;

            // PP must be measured for this plug (a reading from before the plug-in says nothing about this cable).
            _cable = null;
            _nextPpPoll = now;
        }

        if (observation.Changed)
        {
            LogMessages.PilotStateChanged(_logger, _options.EvseId, _observation.PilotState, observation.PilotState);
        }

        _observation = observation;
    }

    private void SuperviseControlPilot(TimeSpan now)
    {
        var o = _observation;
        if (o.Sampled == CpState.Invalid && !o.EvseDrivesStateF && !_faults.IsActive(FaultKind.PilotFailure))
        {
            _sampledInvalidSince ??= now;
        }
        else
        {
            _sampledInvalidSince = null;
        }

        Detect(FaultKind.DiodeFailure, o.DiodeFault, "EV diode check failed on the negative plateau", now);
        Detect(FaultKind.CpShortCircuit, o.State == CpState.E, "CP at 0 V (state E)", now);
        Detect(
            FaultKind.CpOutOfRange,
            o.State == CpState.Invalid && _sampledInvalidSince is { } since && now - since >= _options.ControlPilot.Debounce,
            "CP outside every state window",
            now);
        Detect(FaultKind.UnexpectedStateF, o.UnexpectedStateF, "−12 V on CP while the generator does not drive state F", now);
        Detect(FaultKind.VentilationNotAvailable, o.State == CpState.D && !_options.HasVentilation, "EV requests ventilation (state D), none configured", now);
    }

    private void DrivePilot(TimeSpan now, double cableA, bool cableKnown)
    {
        var signal = _faults.StrongestSignal;
        if (now < _stateFUntil)
        {
            signal = CpSafeSignal.StateF;
        }
        else if (signal == CpSafeSignal.KeepPwm && !_available)
        {
            signal = _options.UnavailableSignal;
        }

        double? wanted = null;
        if (signal == CpSafeSignal.KeepPwm
            && _evConnected
            && _authorized
            && cableKnown
            && ConnectorLockConfirmed
            && RcdHealthy
            && _requestedPhases == _activePhases

            // A switch applied this step is published (PhasesChanged) at its end: the limit sources recompute for the new
            // phase count then, so the offer resumes one loop period later with the right limit instead of the old one.
            && _activePhases == _publishedPhases
            && new CurrentLimits(_options.HardwareMaxCurrentA, _options.ConfiguredMaxCurrentA, cableA, ExternalLimitA()).TryGetDutyCycle(out var duty))
        {
            wanted = duty;
        }

        var next = _duty.Next(signal == CpSafeSignal.KeepPwm ? wanted : null, now);
        if (_offering && next is null)
        {
            // A soft stop may end early only on a meter reading taken after the offer was withdrawn: read now.
            _offerWithdrawnAt = now;
            _nextMeterPoll = now;
        }

        _offering = next is not null;
        try
        {
            // After a failed command the port's reported output cannot be trusted: re-issue until a command succeeds.
            var output = _pilotCommandFailed ? default : _devices.Pilot.Output;
            if (next is { } d)
            {
                if (!output.IsPwmRunning || output.DutyCyclePercent != d)
                {
                    _devices.Pilot.SetPwm(d);
                    LogMessages.PwmChanged(_logger, _options.EvseId, d);
                }
            }
            else if (signal == CpSafeSignal.StateF)
            {
                if (output.Mode != CpGeneratorMode.StateF || _pilotCommandFailed)
                {
                    _devices.Pilot.SetStateF();
                    LogMessages.PilotSteady(_logger, _options.EvseId, CpGeneratorMode.StateF);
                }
            }
            else if (output.Mode != CpGeneratorMode.SteadyHigh)
            {
                _devices.Pilot.SetSteadyHigh();
                LogMessages.PilotSteady(_logger, _options.EvseId, CpGeneratorMode.SteadyHigh);
            }

            _pilotCommandFailed = false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _offering = false;
            _duty.Next(null, now);
            _pilotCommandFailed = true;
            RaiseFault(FaultKind.PilotFailure, "CP generator command failed: " + ex.Message, now);
            _safeState.Enter(CpSafeSignal.StateF, "pilot port failure");
        }
    }

    private InterlockOutcome EvaluateInterlock(TimeSpan now, bool cableKnown)
    {
        CpGeneratorOutput output;
        try
        {
            output = _devices.Pilot.Output;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            output = CpGeneratorOutput.StateF;
            RaiseFault(FaultKind.PilotFailure, "CP generator state unreadable: " + ex.Message, now);
        }

        // While the generator drives state F (or was just told to), CP cannot show what the EV does — not even an
        // unplug — so the EV state counts as unknown and a closed contactor opens at once instead of soft-stopping.
        var evseDrivesF = output.Mode == CpGeneratorMode.StateF || _observation.EvseDrivesStateF;
        var conditions = new InterlockConditions(
            EvState: evseDrivesF ? CpState.Invalid : _observation.State,
            SampledState: evseDrivesF ? CpState.Invalid : _observation.Sampled,
            VentilationAvailable: _options.HasVentilation,
            PwmRunning: output.IsPwmRunning && _offering,
            SessionAuthorized: _authorized,
            EvseAvailable: _available,
            NoActiveFault: !_faults.Any,
            RcdHealthy: RcdHealthy,
            ConnectorLocked: ConnectorLockConfirmed,
            DiodeCheckPassed: _observation.DiodeCheckPassed,
            SampledDiodeOk: !_observation.DiodeFailingNow,
            CableRatingKnown: cableKnown,
            CurrentOffered: _offering,
            EvStoppedDrawing: EvStoppedDrawing(now),
            EnergyRequestWithdrawn: evseDrivesF || _observation.EnergyRequestWithdrawn,
            EnergyRequestSettled: !evseDrivesF && _observation.EnergyRequestSettled);
        return _interlock.Evaluate(conditions, _activePhases, now);
    }

    private bool ReportSupervision(ContactorSupervision supervision, TimeSpan now) => supervision switch
    {
        ContactorSupervision.Welded => RaiseFault(FaultKind.ContactorWelded, "mirror contact reports closed after opening", now),
        ContactorSupervision.DidNotClose => RaiseFault(FaultKind.ContactorDidNotClose, "mirror contact reports open after closing", now),
        ContactorSupervision.PortFailure => RaiseFault(FaultKind.ContactorPortFailure, "contactor port failed or disagrees with the command", now),
        _ => false,
    };

    private void ApplyPhaseSelection(TimeSpan now)
    {
        // Never switch K2 under load (REFERENCE.md §6.5): the pending change pauses the offer (DrivePilot), the interlock
        // soft-stops, and the new selection applies only after the contactor has been open for the dwell time.
        if (_requestedPhases != _activePhases && !_interlock.IsClosed && now - _lastOpenedAt >= _options.PhaseSwitchDwell)
        {
            _activePhases = _requestedPhases;
            LogMessages.PhasesSelected(_logger, _options.EvseId, _activePhases);
        }
    }

    private double ExternalLimitA()
    {
        var limit = _externalLimitA ?? double.PositiveInfinity;
        if (_limitSources.Length == 0)
        {
            return limit;
        }

        var wall = _time.GetUtcNow();
        foreach (var source in _limitSources)
        {
            double? value;
            try
            {
                value = source.GetCurrentLimitA(wall);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A broken limit source must never raise the offer: treat it as "no energy".
                LogMessages.LimitSourceFailed(_logger, _options.EvseId, ex);
                value = 0;
            }

            if (value is { } v)
            {
                limit = Math.Min(limit, double.IsNaN(v) ? 0 : v);
            }
        }

        return limit;
    }

    private void Detect(FaultKind kind, bool present, string reason, TimeSpan now)
    {
        if (present)
        {
            RaiseFault(kind, reason, now);
        }
        else
        {
            _faults.ConditionGone(kind);
        }
    }

    private bool RaiseFault(FaultKind kind, string reason, TimeSpan now)
    {
        if (!_faults.Raise(kind, reason, _time.GetUtcNow()))
        {
            return false;
        }

        LogMessages.FaultRaised(_logger, _options.EvseId, kind, reason);
        var reaction = FaultCatalog.ReactionTo(kind);
        if (reaction.StateFFirst)
        {
            // IEC 61851-1:2017 Table A.5 via EVerest state_F_after_fault_ms: F for at least 300 ms, then the fault's signal.
            _stateFUntil = now + _options.StateFAfterFault;
        }

        if (reaction.Signal != CpSafeSignal.KeepPwm)
        {
            // Open now rather than at the interlock evaluation later in this step: a fault found mid-step must not
            // wait for the rest of the step (which may include slow ports).
            _interlock.ForceOpen(kind.ToString());
        }

        return true;
    }
}
