using ChargerController.Station.Safety;

namespace ChargerController.Station.Evse;

/// <content>Reset of this one EVSE (OCPP Reset with evseId, B11.FR.08): its loop starts afresh, the other EVSEs run on.</content>
public sealed partial class EvseController
{
    /// <summary>Callers waiting for the reset the loop is running now (loop thread only).</summary>
    private readonly List<TaskCompletionSource> _resetWaiters = [];

    /// <summary>Callers whose reset is over, completed once the step has published the status (loop thread only).</summary>
    private readonly List<TaskCompletionSource> _resetDone = [];
    private TaskCompletionSource? _cmdReset;

    /// <summary>End of the reset's state-F time; null while the reset still waits for the contactor to open.</summary>
    private TimeSpan? _resetUntil;

    /// <summary>Whether a reset is running: the connector reports Unavailable meanwhile.</summary>
    private bool Resetting => _resetWaiters.Count > 0;

    /// <summary>
    /// Resets this EVSE the way a restart of its control loop would leave it: the authorization ends and the offer is
    /// withdrawn; once the contactor is open — at once if it was, else after the soft stop every stop takes
    /// (<see cref="PowerPathInterlock"/>: the EV stops drawing, or <c>SoftStopTimeout</c>), so a reset never switches
    /// under load unless a fault forces it — the pilot drives state F for <see cref="EvseOptions.StateFAfterFault"/>
    /// (what an EV sees of a power cycle) and then the steady +12 V of an idle EVSE without offer (state A, or B with an
    /// EV plugged). A lock held after an EV-side disconnect is released, the meter and the proximity pilot are read
    /// again, latched faults get the operator reset of <see cref="ResetFaults"/>. The connector reports
    /// <see cref="ConnectorStatus.Unavailable"/> while the reset runs. Availability set by the CSMS (Inoperative) is
    /// kept (B11.FR.02, B12.FR.06); a new charge needs a new authorization.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the reset still happens).</param>
    /// <returns>A task that completes after the loop step that put the EVSE back in service has published its state.</returns>
    /// <exception cref="ObjectDisposedException">The controller was disposed (its loop no longer runs).</exception>
    public Task ResetAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        TaskCompletionSource done;
        lock (_commandGate)
        {
            // Two resets before the loop took the first are one reset.
            done = _cmdReset ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Takes a requested reset (in the step, right after the commands): everything that must not wait a step.</summary>
    private void TakeReset(TimeSpan now)
    {
        TaskCompletionSource? requested;
        lock (_commandGate)
        {
            requested = _cmdReset;
            _cmdReset = null;
            if (requested is not null)
            {
                _cmdAuthorized = false;
            }
        }

        if (requested is null)
        {
            return;
        }

        // A reset during a reset starts over; every waiter completes when the EVSE is back.
        _resetWaiters.Add(requested);
        _resetUntil = null;
        _authorized = false;
        _holdLockForDriver = false;
        _resetRequested = true;
        _nextMeterPoll = now;
        _nextPpPoll = now;
        if (!_interlock.IsClosed)
        {
            // Nothing to soft-stop: state F from this step on.
            _stateFUntil = now + _options.StateFAfterFault;
            _resetUntil = _stateFUntil;
        }

        LogMessages.EvseReset(_logger, _options.EvseId);
    }

    /// <summary>
    /// At the end of the step's work (after the interlock): once the contactor is open the state-F time starts (the
    /// pilot follows at the next step), and when it is over the EVSE is back in service.
    /// </summary>
    private void FinishReset(TimeSpan now)
    {
        if (!Resetting || _interlock.IsClosed)
        {
            return;
        }

        if (_resetUntil is null)
        {
            _stateFUntil = now + _options.StateFAfterFault;
            _resetUntil = _stateFUntil;
        }
        else if (now >= _resetUntil)
        {
            _resetDone.AddRange(_resetWaiters);
            _resetWaiters.Clear();
            _resetUntil = null;
        }
    }

    /// <summary>After <see cref="Publish"/>: the status the EVSE came back in has been reported, so the waiters may go on.</summary>
    private void CompleteReset()
    {
        foreach (var waiter in _resetDone)
        {
            waiter.TrySetResult();
        }

        _resetDone.Clear();
    }

    /// <summary>On dispose: nobody waits for a reset a stopped loop will never finish.</summary>
    private void AbandonReset()
    {
        TaskCompletionSource? requested;
        lock (_commandGate)
        {
            requested = _cmdReset;
            _cmdReset = null;
        }

        requested?.TrySetException(new ObjectDisposedException(nameof(EvseController)));
        foreach (var waiter in _resetWaiters.Concat(_resetDone))
        {
            waiter.TrySetException(new ObjectDisposedException(nameof(EvseController)));
        }

        _resetWaiters.Clear();
        _resetDone.Clear();
    }
}
