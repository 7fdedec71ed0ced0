using ChargerController.Hardware.Abstractions.Rcd;

namespace ChargerController.Station.Safety;

/// <summary>
/// The residual-current monitor self-test (idle → assert test → trip seen → release → trip clears) as a step-driven
/// sequence the control loop advances once per step. Same contract, options and results as the asynchronous
/// <see cref="RcdSelfTest"/> of the hardware contracts, but with no background task or timer: the loop never waits on
/// it, it cannot outlive the loop, and it advances deterministically in virtual time (the asynchronous helper's
/// <c>Task.Delay</c> continuations run on the thread pool, which races a synchronous step loop).
/// Not thread-safe: owned by one control loop.
/// </summary>
public sealed class RcdSelfTestSequence
{
    private readonly IResidualCurrentMonitor _monitor;
    private readonly RcdSelfTestOptions _options;
    private Phase _phase;
    private TimeSpan _since;

    /// <summary>Creates the sequence (idle).</summary>
    /// <param name="monitor">The monitor to test.</param>
    /// <param name="options">Timing; <see langword="null"/> for the defaults.</param>
    public RcdSelfTestSequence(IResidualCurrentMonitor monitor, RcdSelfTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitor = monitor;
        _options = options ?? new RcdSelfTestOptions();
    }

    private enum Phase
    {
        Idle,
        WaitingForTrip,
        WaitingForClear,
    }

    /// <summary>Whether a test is in progress (its fault input must not be taken for a trip meanwhile).</summary>
    public bool Running => _phase != Phase.Idle;

    /// <summary>Starts a test. Call only with the contactor open.</summary>
    /// <param name="now">Monotonic time.</param>
    /// <returns>A result when the test ended at once (not supported, already tripped), otherwise <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">A test is already running.</exception>
    /// <remarks>Port exceptions propagate; the test input is released first.</remarks>
    public RcdSelfTestResult? Start(TimeSpan now)
    {
        if (Running)
        {
            throw new InvalidOperationException("An RCD self-test is already running.");
        }

        if (!_monitor.SupportsSelfTest)
        {
            return RcdSelfTestResult.NotSupported;
        }

        if (_monitor.ReadTripped())
        {
            return RcdSelfTestResult.TrippedBeforeTest;
        }

        _phase = Phase.WaitingForTrip;
        _since = now;
        Guarded(() => _monitor.SetTestActive(true));
        return null;
    }

    /// <summary>Advances the test.</summary>
    /// <param name="now">Monotonic time.</param>
    /// <returns>The result once the test has ended, otherwise <see langword="null"/>.</returns>
    /// <remarks>Port exceptions propagate; the test input is released first.</remarks>
    public RcdSelfTestResult? Step(TimeSpan now)
    {
        switch (_phase)
        {
            case Phase.WaitingForTrip:
                if (Guarded(_monitor.ReadTripped))
                {
                    Release();
                    _phase = Phase.WaitingForClear;
                    _since = now;
                    return null;
                }

                if (now - _since >= _options.TripTimeout)
                {
                    Release();
                    _phase = Phase.Idle;
                    return RcdSelfTestResult.NoTripOnTest;
                }

                return null;

            case Phase.WaitingForClear:
                if (!Guarded(_monitor.ReadTripped))
                {
                    _phase = Phase.Idle;
                    return RcdSelfTestResult.Passed;
                }

                if (now - _since >= _options.ClearTimeout)
                {
                    _phase = Phase.Idle;
                    return RcdSelfTestResult.TripDidNotClear;
                }

                return null;

            default:
                return null;
        }
    }

    /// <summary>Aborts a running test and releases the test input. Never throws.</summary>
    public void Abort()
    {
        if (_phase == Phase.WaitingForTrip)
        {
            try
            {
                _monitor.SetTestActive(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Nothing more to do: the caller already treats the monitor as failed.
            }
        }

        _phase = Phase.Idle;
    }

    private T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch
        {
            Abort();
            throw;
        }
    }

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch
        {
            Abort();
            throw;
        }
    }

    private void Release()
    {
        _phase = Phase.WaitingForClear; // so Abort below does not release twice if SetTestActive throws
        try
        {
            _monitor.SetTestActive(false);
        }
        catch
        {
            _phase = Phase.Idle;
            throw;
        }
    }
}
