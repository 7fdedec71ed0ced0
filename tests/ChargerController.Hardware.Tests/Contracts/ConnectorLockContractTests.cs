using ChargerController.Hardware.Abstractions.ConnectorLock;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IConnectorLock"/> must do, simulated or real (house rule 11).</summary>
public abstract class ConnectorLockContractTests
{
    protected abstract IConnectorLock ConnectorLock { get; }

    /// <summary>Runs an operation that waits for the actuator (real time on the device, advanced virtual time in the simulator).</summary>
    protected abstract Task<T> RunAsync<T>(Func<ValueTask<T>> operation);

    private ConnectorLockFeedback Expected(ConnectorLockFeedback position) =>
        ConnectorLock.HasFeedback ? position : ConnectorLockFeedback.NotAvailable;

    [ContractFact]
    public void New_IsUnlocked()
    {
        Assert.False(ConnectorLock.IsCommandedLocked);
        Assert.Equal(Expected(ConnectorLockFeedback.Unlocked), ConnectorLock.ReadFeedback());
    }

    [ContractFact]
    public async Task LockAsync_ReportsLockedAndFeedbackStays()
    {
        var result = await RunAsync(() => ConnectorLock.LockAsync(CancellationToken.None));

        Assert.Equal(Expected(ConnectorLockFeedback.Locked), result);
        Assert.True(ConnectorLock.IsCommandedLocked);
        Assert.Equal(Expected(ConnectorLockFeedback.Locked), ConnectorLock.ReadFeedback());
        await RunAsync(() => ConnectorLock.UnlockAsync(CancellationToken.None));
    }

    [ContractFact]
    public async Task UnlockAsync_AfterLock_ReportsUnlocked()
    {
        await RunAsync(() => ConnectorLock.LockAsync(CancellationToken.None));

        var result = await RunAsync(() => ConnectorLock.UnlockAsync(CancellationToken.None));

        Assert.Equal(Expected(ConnectorLockFeedback.Unlocked), result);
        Assert.False(ConnectorLock.IsCommandedLocked);
    }

    [ContractFact]
    public async Task LockAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ConnectorLock.LockAsync(cts.Token));
    }
}
