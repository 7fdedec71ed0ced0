using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Composition;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;

namespace ChargerController.Station.Tests.Evse;

/// <summary>
/// The periodic loop on the virtual clock and every exit path. PeriodicTimer continuations run on the thread pool, so
/// these tests advance virtual time and then wait (bounded) for the loop to catch up; no timing is asserted on the wall clock.
/// </summary>
public sealed class EvseControllerLoopTests
{
    private static async Task EventuallyAsync(EvseHarness h, Func<bool> condition, string what)
    {
        for (var i = 0; i < 3000; i++)
        {
            if (condition())
            {
                return;
            }

            h.Time.Advance(h.Period);
            await Task.Delay(1);
        }

        Assert.Fail("never: " + what);
    }

    private static async Task<Task> StartChargingInLoopAsync(EvseHarness h, CancellationToken token)
    {
        var run = h.Controller.RunAsync(token);
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await EventuallyAsync(h, () => h.Pilot.Output.IsPwmRunning, "PWM");
        h.Pilot.EvState = CpState.C;
        await EventuallyAsync(h, () => h.Contactor.MainClosed, "contactor closed");
        return run;
    }

    [Fact]
    public async Task RunAsync_Cancelled_LeavesContactorOpenAndStateF()
    {
        await using var h = new EvseHarness();
        using var cts = new CancellationTokenSource();
        var run = await StartChargingInLoopAsync(h, cts.Token);

        await cts.CancelAsync();
        await run;

        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
    }

    [Fact]
    public async Task DisposeAsync_WhileRunning_StopsTheLoopSafely()
    {
        var h = new EvseHarness();
        var run = await StartChargingInLoopAsync(h, CancellationToken.None);

        await h.Controller.DisposeAsync();
        await run;

        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => h.Controller.StepAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task RunAsync_PilotHangs_SupervisorForcesSafeStateThenStopsCleanly()
    {
        await using var h = new EvseHarness(o => o with { LoopStallTimeout = TimeSpan.FromMilliseconds(200) });
        using var cts = new CancellationTokenSource();
        var run = await StartChargingInLoopAsync(h, cts.Token);

        h.Pilot.Hang = true;
        await EventuallyAsync(h, () => !h.Contactor.AnyClosed, "supervisor opened the contactor");
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
        Assert.True(h.Controller.Supervisor.StallDetected);

        await cts.CancelAsync();
        await run;
        Assert.False(h.Contactor.AnyClosed);
    }

    [Fact]
    public async Task StepAfterStall_ReportsLoopStalledOnce_HoldsStateFThenResumes()
    {
        await using var h = new EvseHarness(o => o with { LoopStallTimeout = TimeSpan.FromMilliseconds(200) });
        await h.StartChargingAsync();

        h.Time.Advance(TimeSpan.FromMilliseconds(250)); // no step for longer than the stall timeout
        Assert.True(h.Controller.Supervisor.Check());
        Assert.False(h.Contactor.AnyClosed);

        await h.StepAsync();
        Assert.Single(h.Events.OfType<ChargerController.Station.Evse.Events.EvseFaultRaised>(), e => e.Fault.Kind == FaultKind.LoopStalled);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
        await h.StepAsync();
        Assert.DoesNotContain(FaultKind.LoopStalled, h.ActiveFaults);

        // F for the minimum time, then the session resumes on its own.
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task DisposeAsync_StepStuckInADriverIgnoringCancellation_StillLeavesSafeStateAfterTheStallTimeout()
    {
        var h = new EvseHarness(o => o with { LoopStallTimeout = TimeSpan.FromMilliseconds(200) });
        await h.StartChargingAsync();
        h.Pilot.HangIgnoringCancellation = true;
        _ = h.Controller.StepAsync(CancellationToken.None).AsTask(); // never completes

        var dispose = h.Controller.DisposeAsync().AsTask();
        Assert.False(dispose.IsCompleted);
        Assert.True(h.Contactor.AnyClosed);
        h.Time.Advance(TimeSpan.FromMilliseconds(200));
        await dispose.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
    }

    [Fact]
    public async Task StepAsync_Cancelled_DrivesSafeStateAndThrows()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();
        h.Pilot.Hang = true;
        using var cts = new CancellationTokenSource();
        var step = h.Controller.StepAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => step);
        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
    }

    [Fact]
    public async Task HostedService_Stop_LeavesSafeState()
    {
        await using var h = new EvseHarness();
        var service = new EvseHostedService(h.Controller);
        await service.StartAsync(CancellationToken.None);
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await EventuallyAsync(h, () => h.Pilot.Output.IsPwmRunning, "PWM");
        h.Pilot.EvState = CpState.C;
        await EventuallyAsync(h, () => h.Contactor.MainClosed, "closed");

        await service.StopAsync(CancellationToken.None);

        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
        service.Dispose();
    }
}
