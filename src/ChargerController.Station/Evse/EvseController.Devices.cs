using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Evse;

/// <content>
/// Supervision of the optional devices. Slow operations (meter read, PP read, lock actuation, RCD self-test) run as
/// background operations polled by the step, so a Modbus timeout never delays the 100 ms CP reactions; a port that
/// completes synchronously (the fakes, a cached value) is handled within the same step. They run under the controller's
/// lifetime token, not a step's, so cancelling one step never turns into a device fault.
/// </content>
public sealed partial class EvseController
{
    private CableRating? _cable;
    private TimeSpan _nextPpPoll;
    private Task<ProximityPilotReading>? _ppOp;

    private Task<MeterReading>? _meterOp;
    private TimeSpan _meterOpStarted;
    private TimeSpan _nextMeterPoll;
    private MeterReading? _lastReading;
    private TimeSpan _lastReadingAt;
    private TimeSpan? _meterFailingSince;
    private TimeSpan? _overcurrentSince;

    /// <summary>Gets the EVSE meter's last good reading (the EV's actual draw) for local load balancing; null before the first. Thread-safe.</summary>
    public MeterReading? LastMeterReading => Volatile.Read(ref _lastReading);

    private Task<ConnectorLockFeedback>? _lockOp;
    private bool _lockOpIsLock;
    private bool _locked;
    private bool _unlockOnEvSideDisconnect = true;
    private bool _holdLockForDriver;
    private bool _keepAuthorizationOnEvSideDisconnect;
    private bool _suspendedAtEvSide;

    private RcdSelfTestSequence? _rcdTest;
    private bool _rcdSelfTestPending;
    private TimeSpan _lastRcdSelfTest;

    private bool ConnectorLockConfirmed =>
        _devices.ConnectorLock is null || (_locked && _lockOp is null && !_faults.IsActive(FaultKind.ConnectorLockFailure));

    private bool RcdHealthy =>
        _devices.ResidualCurrentMonitor is null
        || (_rcdTest?.Running != true && !_faults.IsActive(FaultKind.RcdTripped) && !_faults.IsActive(FaultKind.RcdSelfTestFailed));

    private bool CableRatingKnown(out double cableA)
    {
        if (_devices.ProximityPilot is null)
        {
            cableA = _options.TetheredCableMaxCurrentA ?? double.PositiveInfinity;
            return true;
        }

        if (_cable is { Status: ProximityStatus.Cable } rating)
        {
            cableA = rating.MaxCurrentA;
            return true;
        }

        cableA = 0;
        return false;
    }

    private bool EvStoppedDrawing(TimeSpan now) =>
        _lastReading is { } reading
        && _lastReadingAt > _offerWithdrawnAt
        && now - _lastReadingAt <= 2 * _options.MeterPollInterval
        && MaxPhaseCurrent(reading) < _options.EvStoppedCurrentA;

    private static double MaxPhaseCurrent(MeterReading reading)
    {
        var max = 0.0;
        foreach (var current in reading.CurrentA)
        {
            // NaN compares false, so it cannot hide a real current; treat it as "unknown high" for over-current.
            max = double.IsNaN(current) ? double.PositiveInfinity : Math.Max(max, Math.Abs(current));
        }

        return max;
    }

    private void SuperviseResidualCurrentMonitor(TimeSpan now)
    {
        var rcd = _devices.ResidualCurrentMonitor;
        if (rcd is null || _rcdTest is null)
        {
            return;
        }

        if (_rcdTest.Running)
        {
            // The fault input is expected to assert during the test; it is not a trip.
            RcdSelfTestResult? result;
            try
            {
                result = _rcdTest.Step(now);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                result = RcdSelfTestResult.NoTripOnTest;
                LogMessages.RcdPortFailed(_logger, _options.EvseId, ex);
            }

            if (result is { } r)
            {
                CompleteRcdSelfTest(r, now);
            }

            return;
        }

        bool tripped;
        try
        {
            tripped = rcd.ReadTripped();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RaiseFault(FaultKind.RcdSelfTestFailed, "RCD fault input unreadable: " + ex.Message, now);
            return;
        }

        if (tripped)
        {
            RaiseFault(FaultKind.RcdTripped, "residual current monitor tripped", now);
        }

        var rcdFault = _faults.IsActive(FaultKind.RcdTripped) || _faults.IsActive(FaultKind.RcdSelfTestFailed);
        var periodicDue = !_evConnected && now - _lastRcdSelfTest >= _options.RcdSelfTestInterval;
        var wanted = _rcdSelfTestPending || periodicDue || (_resetRequested && rcdFault);
        if (!wanted || tripped || _interlock.IsClosed)
        {
            // A requested test waits for the contactor to open: never test (and never open) under load for it.
            return;
        }

        if (!rcd.SupportsSelfTest)
        {
            // Nothing to test with: an operator reset clears a trip once the input is quiet again.
            if (_resetRequested)
            {
                _faults.Clear(FaultKind.RcdTripped);
                _faults.Clear(FaultKind.RcdSelfTestFailed);
                _resetRequested = false;
            }

            _rcdSelfTestPending = false;
            _lastRcdSelfTest = now;
            return;
        }

        // Self-test only with the contactor open (REFERENCE.md §6.3); the interlock sees RcdHealthy = false meanwhile.
        _rcdSelfTestPending = false;
        _interlock.ForceOpen("RCD self-test");
        try
        {
            if (_rcdTest.Start(now) is { } immediate)
            {
                CompleteRcdSelfTest(immediate, now);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessages.RcdPortFailed(_logger, _options.EvseId, ex);
            CompleteRcdSelfTest(RcdSelfTestResult.NoTripOnTest, now);
        }
    }

    private void CompleteRcdSelfTest(RcdSelfTestResult result, TimeSpan now)
    {
        _lastRcdSelfTest = now;
        if (result == RcdSelfTestResult.Passed)
        {
            LogMessages.RcdSelfTestPassed(_logger, _options.EvseId);
            _faults.Clear(FaultKind.RcdSelfTestFailed);
            if (_resetRequested)
            {
                // TF: a trip is latched until the user resets it AND a self-test passes.
                _faults.Clear(FaultKind.RcdTripped);
            }
        }
        else
        {
            RaiseFault(FaultKind.RcdSelfTestFailed, "RCD self-test: " + result, now);
        }

        _resetRequested = false;
    }

    private void PollProximityPilot(TimeSpan now)
    {
        var pp = _devices.ProximityPilot;
        if (pp is null)
        {
            return;
        }

        if (_ppOp is null && now >= _nextPpPoll)
        {
            _nextPpPoll = now + _options.ProximityPilotPollInterval;
            _ppOp = Start(() => pp.ReadAsync(_lifetimeToken));
        }

        if (_ppOp is { IsCompleted: true } op)
        {
            _ppOp = null;
            _cable = op.Status == TaskStatus.RanToCompletion ? op.Result.Rating : new CableRating(ProximityStatus.Fault, 0);
            Observe(op);
        }

        // EVerest bring-up guide: keep monitoring PP for the whole session; an opening PP means the plug is being pulled.
        if (_evConnected && _cable is { } cable && cable.Status != ProximityStatus.Cable)
        {
            RaiseFault(FaultKind.ProximityPilotInvalid, "PP " + cable.Status + " with an EV connected", now);
        }
    }

    private void PollMeter(TimeSpan now)
    {
        var meter = _devices.Meter;
        if (meter is null)
        {
            return;
        }

        if (_meterOp is null && now >= _nextMeterPoll)
        {
            _nextMeterPoll = now + _options.MeterPollInterval;
            _meterOpStarted = now;
            _meterOp = Start(() => meter.ReadAsync(_lifetimeToken));
        }

        if (_meterOp is { } op)
        {
            if (op.IsCompleted)
            {
                _meterOp = null;
                if (op.Status == TaskStatus.RanToCompletion)
                {
                    Volatile.Write(ref _lastReading, op.Result);
                    _lastReadingAt = now;
                    _meterFailingSince = null;
                    _faults.ConditionGone(FaultKind.MeterFailure);
                }
                else
                {
                    _meterFailingSince ??= _meterOpStarted;
                    Observe(op);
                }
            }
            else if (now - _meterOpStarted >= _options.MeterReadTimeout)
            {
                // A hung read: abandon it (its late result is ignored) and count it as a failure.
                _meterOp = null;
                _meterFailingSince ??= _meterOpStarted;
                Observe(op);
            }
        }

        if (_meterFailingSince is { } since && _options.MeterLossGrace != Timeout.InfiniteTimeSpan && now - since >= _options.MeterLossGrace)
        {
            RaiseFault(FaultKind.MeterFailure, "no meter reading for " + (now - since).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s", now);
        }
    }

    private void SuperviseOvercurrent(TimeSpan now)
    {
        if (!_interlock.IsClosed || _lastReading is not { } reading || now - _lastReadingAt > 2 * _options.MeterPollInterval)
        {
            _overcurrentSince = null;
            return;
        }

        var offered = _duty.Current is { } duty ? DutyCycle.ToCurrent(duty) : 0.0;
        var allowed = (offered * (1 + (_options.OvercurrentTolerancePercent / 100.0))) + _options.OvercurrentToleranceA;
        var drawn = MaxPhaseCurrent(reading);
        if (drawn <= allowed)
        {
            _overcurrentSince = null;
            return;
        }

        _overcurrentSince ??= now;
        if (now - _overcurrentSince.Value >= _options.OvercurrentTimeout)
        {
            RaiseFault(FaultKind.Overcurrent, "EV draws " + drawn.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " A, offered " + offered.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " A", now);
        }
    }

    private void DriveConnectorLock(TimeSpan now)
    {
        var connectorLock = _devices.ConnectorLock;
        if (connectorLock is null)
        {
            return;
        }

        CompleteLockOperation(now);
        if (_lockOp is not null)
        {
            return;
        }

        _suspendedAtEvSide &= _authorized;
        if (_authorized && !_suspendedAtEvSide)
        {
            // E09.FR.03: the driver's new authorization is what releases a lock held after an EV-side disconnect.
            _holdLockForDriver = false;
        }

        // E10.FR.01: a session kept over an EV-side disconnect holds the plug in the socket until it ends.
        var sessionActive = (_evConnected || _suspendedAtEvSide) && _authorized && !_faults.IsActive(FaultKind.ConnectorLockFailure);
        if (sessionActive && !_locked)
        {
            _lockOpIsLock = true;
            _lockOp = Start(() => connectorLock.LockAsync(_lifetimeToken));
            CompleteLockOperation(now);
            return;
        }

        if (!sessionActive && _locked && !_holdLockForDriver && !_interlock.IsClosed && !_faults.IsActive(FaultKind.ConnectorLockFailure))
        {
            // One unlock attempt per session end; a failed unlock is logged, not retried every step.
            _lockOpIsLock = false;
            _locked = false;
            _lockOp = Start(() => connectorLock.UnlockAsync(_lifetimeToken));
            CompleteLockOperation(now);
            return;
        }

        if (_locked && connectorLock.HasFeedback)
        {
            ConnectorLockFeedback position;
            try
            {
                position = connectorLock.ReadFeedback();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                RaiseFault(FaultKind.ConnectorLockFailure, "lock feedback unreadable: " + ex.Message, now);
                return;
            }

            if (position != ConnectorLockFeedback.Locked)
            {
                RaiseFault(FaultKind.ConnectorLockFailure, "lock lost its position: " + position, now);
            }
        }
    }

    private void CompleteLockOperation(TimeSpan now)
    {
        if (_lockOp is not { IsCompleted: true } op)
        {
            return;
        }

        _lockOp = null;
        var feedback = op.Status == TaskStatus.RanToCompletion ? op.Result : (ConnectorLockFeedback?)null;
        Observe(op);
        if (_lockOpIsLock)
        {
            // Locked state is kept even on failure so the unlock at session end still releases a half-engaged pin.
            _locked = true;
            if (feedback is not (ConnectorLockFeedback.Locked or ConnectorLockFeedback.NotAvailable))
            {
                RaiseFault(FaultKind.ConnectorLockFailure, "lock did not engage: " + (feedback?.ToString() ?? "port failed"), now);
            }
        }
        else if (feedback is not (ConnectorLockFeedback.Unlocked or ConnectorLockFeedback.NotAvailable))
        {
            LogMessages.UnlockFailed(_logger, _options.EvseId, feedback?.ToString() ?? "port failed");
        }
    }

    private void HandleFaultReset()
    {
        if (!_resetRequested)
        {
            return;
        }

        if (_faults.IsActive(FaultKind.ContactorWelded) || _faults.IsActive(FaultKind.ContactorPortFailure))
        {
            try
            {
                var status = _devices.Contactor.ReadStatus();
                if (!status.AnyCommandedClosed && !status.FeedbackMismatch && _interlock.ForceOpen("fault reset"))
                {
                    _faults.Clear(FaultKind.ContactorWelded);
                    _faults.Clear(FaultKind.ContactorPortFailure);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogMessages.ContactorPortFailed(_logger, _options.EvseId, ex);
            }
        }

        // RCD faults need the self-test (SuperviseResidualCurrentMonitor consumes the request); otherwise done.
        var rcdFault = _faults.IsActive(FaultKind.RcdTripped) || _faults.IsActive(FaultKind.RcdSelfTestFailed);
        if (!rcdFault || _devices.ResidualCurrentMonitor is null)
        {
            _resetRequested = false;
        }
    }

    private static Task<T> Start<T>(Func<ValueTask<T>> operation)
    {
        try
        {
            return operation().AsTask();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A port that throws before returning its task is handled like one whose task faults.
            return Task.FromException<T>(ex);
        }
    }

    private static void Observe(Task task)
    {
        if (task.IsCompleted)
        {
            _ = task.Exception;
        }
        else
        {
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
