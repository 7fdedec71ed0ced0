using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Hardware.Tests.Contracts;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Simulator;

public sealed class SimulatedSafetyDevicesTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task Lock_Jammed_ReportsUnlockedAfterLockAsync()
    {
        var connectorLock = new SimulatedConnectorLock(time) { Jammed = true };

        var result = await FakeClock.RunAsync(time, () => connectorLock.LockAsync(CancellationToken.None));

        Assert.Equal(ConnectorLockFeedback.Unlocked, result);
        Assert.True(connectorLock.IsCommandedLocked);
        Assert.False(connectorLock.IsPhysicallyLocked);
    }

    [Fact]
    public async Task Lock_JammedWhileLocked_CannotUnlock()
    {
        var connectorLock = new SimulatedConnectorLock(time);
        await FakeClock.RunAsync(time, () => connectorLock.LockAsync(CancellationToken.None));
        connectorLock.Jammed = true;

        var result = await FakeClock.RunAsync(time, () => connectorLock.UnlockAsync(CancellationToken.None));

        Assert.Equal(ConnectorLockFeedback.Locked, result);
    }

    [Fact]
    public async Task Lock_TakesItsActuationTime()
    {
        var connectorLock = new SimulatedConnectorLock(time, new SimulatedConnectorLockOptions { ActuationTime = TimeSpan.FromMilliseconds(300) });

        var pending = connectorLock.LockAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(ConnectorLockFeedback.Locked, await pending);
    }

    [Fact]
    public async Task Lock_WithoutFeedback_ReportsNotAvailable()
    {
        var connectorLock = new SimulatedConnectorLock(time, new SimulatedConnectorLockOptions { HasFeedback = false });

        var result = await FakeClock.RunAsync(time, () => connectorLock.LockAsync(CancellationToken.None));

        Assert.Equal(ConnectorLockFeedback.NotAvailable, result);
        Assert.True(connectorLock.IsPhysicallyLocked);
    }

    [Fact]
    public async Task Rcd_InjectedTrip_IsReadUntilCleared()
    {
        var rcd = new SimulatedResidualCurrentMonitor(time);

        rcd.InjectTrip();
        Assert.True(rcd.ReadTripped());
        Assert.Equal(RcdSelfTestResult.TrippedBeforeTest, await RcdSelfTest.RunAsync(rcd, time, null, CancellationToken.None));

        rcd.ClearTrip();
        Assert.False(rcd.ReadTripped());
    }

    [Fact]
    public async Task Rcd_SelfTestFails_ReportsNoTripAndReleasesTheTestInput()
    {
        var rcd = new SimulatedResidualCurrentMonitor(time) { SelfTestPasses = false };

        var result = await FakeClock.RunAsync(time, () => new ValueTask<RcdSelfTestResult>(RcdSelfTest.RunAsync(rcd, time, null, CancellationToken.None)));

        Assert.Equal(RcdSelfTestResult.NoTripOnTest, result);
        Assert.False(rcd.IsTestActive);
    }

    [Fact]
    public async Task Rcd_TripDuringSelfTestThatDoesNotClear_ReportsTripDidNotClear()
    {
        var rcd = new SimulatedResidualCurrentMonitor(time);
        var test = RcdSelfTest.RunAsync(rcd, time, null, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(50));
        rcd.InjectTrip();

        var result = await FakeClock.RunAsync(time, () => new ValueTask<RcdSelfTestResult>(test));

        Assert.Equal(RcdSelfTestResult.TripDidNotClear, result);
    }

    [Fact]
    public async Task Rcd_SelfTestCancelled_ReleasesTheTestInput()
    {
        var rcd = new SimulatedResidualCurrentMonitor(time) { SelfTestPasses = false };
        using var cts = new CancellationTokenSource();
        var test = RcdSelfTest.RunAsync(rcd, time, null, cts.Token);
        Assert.True(rcd.IsTestActive);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test);
        Assert.False(rcd.IsTestActive);
    }

    [Fact]
    public async Task ProximityPilot_ForcedShort_IsFault()
    {
        var ev = new SimulatedEv(time);
        ev.Plug();
        var pp = new SimulatedProximityPilot(time, ev) { ForcedResistanceOhm = 20 };

        var reading = await pp.ReadAsync(CancellationToken.None);

        Assert.Equal(ProximityStatus.Fault, reading.Rating.Status);
    }

    [Fact]
    public async Task ProximityPilot_AdcFailure_ThrowsIOException()
    {
        var pp = new SimulatedProximityPilot(time) { AdcFailure = true };

        await Assert.ThrowsAsync<IOException>(async () => await pp.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ControlPilot_AdcFailure_ThrowsIOException()
    {
        var cp = new SimulatedControlPilot(time) { AdcFailure = true };

        await Assert.ThrowsAsync<IOException>(async () => await cp.SampleAsync(CancellationToken.None));
    }
}
