using ChargerController.Hardware.Abstractions.Rcd;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// A residual-current monitor (RDC-DD) with a fault output and a test input. Fault injection: a residual-current trip
/// (until cleared) and a self-test that does not trip.
/// </summary>
public sealed class SimulatedResidualCurrentMonitor : IResidualCurrentMonitor
{
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    private bool tripped;
    private bool selfTestPasses = true;
    private long? testAssertedAt;

    /// <summary>Creates an idle monitor.</summary>
    /// <param name="timeProvider">Clock for the test response time.</param>
    /// <param name="options">Wiring and timing; <see langword="null"/> for a module with a test input.</param>
    public SimulatedResidualCurrentMonitor(TimeProvider timeProvider, SimulatedResidualCurrentMonitorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        Options = options ?? new SimulatedResidualCurrentMonitorOptions();
    }

    /// <summary>The options it was created with.</summary>
    public SimulatedResidualCurrentMonitorOptions Options { get; }

    /// <inheritdoc />
    public bool SupportsSelfTest => Options.SupportsSelfTest;

    /// <summary>Fault: whether the module answers its test input (false = failed module).</summary>
    public bool SelfTestPasses
    {
        get
        {
            lock (gate)
            {
                return selfTestPasses;
            }
        }

        set
        {
            lock (gate)
            {
                selfTestPasses = value;
            }
        }
    }

    /// <summary>Whether the test input is asserted.</summary>
    public bool IsTestActive
    {
        get
        {
            lock (gate)
            {
                return testAssertedAt is not null;
            }
        }
    }

    /// <summary>Fault: a residual current flows; the fault output stays active until <see cref="ClearTrip"/>.</summary>
    public void InjectTrip()
    {
        lock (gate)
        {
            tripped = true;
        }
    }

    /// <summary>The residual current is gone (the station's own latch is separate).</summary>
    public void ClearTrip()
    {
        lock (gate)
        {
            tripped = false;
        }
    }

    /// <inheritdoc />
    public bool ReadTripped()
    {
        lock (gate)
        {
            return tripped
                || (selfTestPasses && testAssertedAt is { } since && timeProvider.GetElapsedTime(since) >= Options.TestResponseTime);
        }
    }

    /// <inheritdoc />
    public void SetTestActive(bool active)
    {
        if (!Options.SupportsSelfTest)
        {
            throw new NotSupportedException("This residual-current monitor has no test input wired.");
        }

        lock (gate)
        {
            if (!active)
            {
                testAssertedAt = null;
            }
            else
            {
                testAssertedAt ??= timeProvider.GetTimestamp();
            }
        }
    }
}
