namespace ChargerController.Hardware.Abstractions.Rcd;

/// <summary>
/// The residual-current monitor self-test sequence over the <see cref="IResidualCurrentMonitor"/> primitives:
/// fault input idle → assert test → fault input active within the limit → release → fault input clears.
/// Run it only with the contactor open (state A or before closing), as every design cited in REFERENCE.md §6.3 does.
/// </summary>
public static class RcdSelfTest
{
    /// <summary>Runs the self-test. The test input is always released before returning, including on cancellation.</summary>
    /// <param name="monitor">The monitor under test.</param>
    /// <param name="timeProvider">Clock for the waits.</param>
    /// <param name="options">Timing; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>The outcome.</returns>
    public static async Task<RcdSelfTestResult> RunAsync(
        IResidualCurrentMonitor monitor,
        TimeProvider timeProvider,
        RcdSelfTestOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new RcdSelfTestOptions();
        if (!monitor.SupportsSelfTest)
        {
            return RcdSelfTestResult.NotSupported;
        }

        if (monitor.ReadTripped())
        {
            return RcdSelfTestResult.TrippedBeforeTest;
        }

        monitor.SetTestActive(true);
        bool tripped;
        try
        {
            tripped = await WaitForAsync(monitor, expectTripped: true, options.TripTimeout, options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            monitor.SetTestActive(false);
        }

        if (!tripped)
        {
            return RcdSelfTestResult.NoTripOnTest;
        }

        var cleared = await WaitForAsync(monitor, expectTripped: false, options.ClearTimeout, options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        return cleared ? RcdSelfTestResult.Passed : RcdSelfTestResult.TripDidNotClear;
    }

    private static async Task<bool> WaitForAsync(
        IResidualCurrentMonitor monitor,
        bool expectTripped,
        TimeSpan timeout,
        TimeSpan pollInterval,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        while (true)
        {
            if (monitor.ReadTripped() == expectTripped)
            {
                return true;
            }

            if (timeProvider.GetElapsedTime(start) >= timeout)
            {
                return false;
            }

            await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
