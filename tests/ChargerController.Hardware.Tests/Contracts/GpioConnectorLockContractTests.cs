using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.ConnectorLock;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The real driver on fake ports driving a bistable actuator model: a lock pulse sets it, an unlock pulse resets it.</summary>
public sealed class GpioConnectorLockContractTests : ConnectorLockContractTests
{
    private readonly FakeTimeProvider time = new();
    private readonly CallbackDigitalOutput lockOut;
    private readonly CallbackDigitalOutput unlockOut;
    private readonly GpioConnectorLock driver;
    private bool position;
    private bool shootThrough;

    public GpioConnectorLockContractTests()
    {
        lockOut = new CallbackDigitalOutput(on => Drive(on, locking: true));
        unlockOut = new CallbackDigitalOutput(on => Drive(on, locking: false));
        driver = new GpioConnectorLock(lockOut, unlockOut, new FakeDigitalInput(() => position), new GpioConnectorLockOptions(), time);
    }

    protected override IConnectorLock ConnectorLock => driver;

    [Fact]
    public async Task LockThenUnlock_NeverDrivesBothBridgeInputs()
    {
        await RunAsync(() => driver.LockAsync(CancellationToken.None));
        await RunAsync(() => driver.UnlockAsync(CancellationToken.None));
        await RunAsync(() => driver.LockAsync(CancellationToken.None));

        Assert.False(shootThrough);
        Assert.False(lockOut.Value);
        Assert.False(unlockOut.Value);
    }

    [Fact]
    public async Task LockAsync_CancelledMidPulse_StillEndsThePulse()
    {
        using var cts = new CancellationTokenSource();
        var pending = driver.LockAsync(cts.Token).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(lockOut.Value);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.False(lockOut.Value);
    }

    [Fact]
    public async Task LockAsync_ActuatorDoesNotMove_ReportsUnlocked()
    {
        var stuck = new GpioConnectorLock(new FakeDigitalOutput(), new FakeDigitalOutput(), new FakeDigitalInput(false), new GpioConnectorLockOptions(), time);

        var result = await RunAsync(() => stuck.LockAsync(CancellationToken.None));

        Assert.Equal(ConnectorLockFeedback.Unlocked, result);
    }

    [Fact]
    public async Task HoldDrive_KeepsTheSolenoidEnergisedWhileLocked()
    {
        var solenoid = new FakeDigitalOutput();
        var hold = new GpioConnectorLock(solenoid, null, null, new GpioConnectorLockOptions { Drive = ConnectorLockDrive.Hold }, time);

        var result = await RunAsync(() => hold.LockAsync(CancellationToken.None));

        Assert.True(solenoid.Value);
        Assert.Equal(ConnectorLockFeedback.NotAvailable, result);
        await RunAsync(() => hold.UnlockAsync(CancellationToken.None));
        Assert.False(solenoid.Value);
    }

    [Fact]
    public void PulseDriveWithoutUnlockOutput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new GpioConnectorLock(new FakeDigitalOutput(), null, null, new GpioConnectorLockOptions(), time));
    }

    private void Drive(bool on, bool locking)
    {
        if (on && (locking ? unlockOut?.Value : lockOut?.Value) == true)
        {
            shootThrough = true;
        }

        if (on)
        {
            position = locking;
        }
    }

    protected override Task<T> RunAsync<T>(Func<ValueTask<T>> operation) => FakeClock.RunAsync(time, operation);
}
