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
    private TimeSpan _resetUntil;

    /// <summary>Whether a reset is running: the connector reports Unavailable meanwhile.</summary>
    private bool Resetting => _resetWaiters.Count > 0;

    /// <summary>
    /// Resets this EVSE the way a restart of its control loop would leave it: the authorization ends, the contactor opens
    /// at once through <see cref="PowerPathInterlock"/> (no soft stop: the transaction was ended before, B12.FR.08), the
    /// pilot drives state F for <see cref="EvseOptions.StateFAfterFault"/> (what an EV sees of a power cycle) and then
    /// the steady +12 V of an idle EVSE without offer (state A, or B with an EV plugged), a lock held after an EV-side
    /// disconnect is released, the meter and the proximity pilot are read again and latched faults get the operator reset
    /// of <see cref="ResetFaults"/>. The connector reports <see cref="ConnectorStatus.Unavailable"/> while the reset runs.
    /// Availability set by the CSMS (Inoperative) is kept (B11.FR.02, B12.FR.06); a new charge needs a new authorization.
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

        // A reset during a reset starts the state-F time again; every waiter completes when the EVSE is back.
        _resetWaiters.Add(requested);
        _authorized = false;
        _holdLockForDriver = false;
        _resetRequested = true;
        _interlock.ForceOpen("EVSE reset");
        _duty.Next(null, now);
        _stateFUntil = now + _options.StateFAfterFault;
        _resetUntil = _stateFUntil;
        _nextMeterPoll = now;
        _nextPpPoll = now;
        _cable = null;
        LogMessages.EvseReset(_logger, _options.EvseId);
    }

    /// <summary>At the end of the step's work: the reset is over once state F has been held and the contactor is open.</summary>
    private void FinishReset(TimeSpan now)
    {
        if (Resetting && now >= _resetUntil && !_interlock.IsClosed)
        {
            _resetDone.AddRange(_resetWaiters);
            _resetWaiters.Clear();
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
