using ChargerController.Hardware.Abstractions.Rcd;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IResidualCurrentMonitor"/> must do, simulated or real (house rule 11).</summary>
public abstract class ResidualCurrentMonitorContractTests
{
    protected abstract IResidualCurrentMonitor Monitor { get; }

    protected abstract TimeProvider Time { get; }

    /// <summary>Runs an operation that waits (real time on the device, advanced virtual time in the simulator).</summary>
    protected abstract Task<T> RunAsync<T>(Func<ValueTask<T>> operation);

    [ContractFact]
    public void Idle_IsNotTripped()
    {
        Assert.False(Monitor.ReadTripped());
    }

    [ContractFact]
    public async Task SelfTest_HealthyModule_Passes()
    {
        var expected = Monitor.SupportsSelfTest ? RcdSelfTestResult.Passed : RcdSelfTestResult.NotSupported;

        var result = await RunAsync(() => new ValueTask<RcdSelfTestResult>(RcdSelfTest.RunAsync(Monitor, Time, null, CancellationToken.None)));

        Assert.Equal(expected, result);
        Assert.False(Monitor.ReadTripped());
    }

    [ContractFact]
    public void SetTestActive_WithoutTestInput_IsNotSupported()
    {
        if (Monitor.SupportsSelfTest)
        {
            Monitor.SetTestActive(false);
            Assert.False(Monitor.ReadTripped());
            return;
        }

        Assert.Throws<NotSupportedException>(() => Monitor.SetTestActive(true));
    }
}
