using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Provisioning;
using ChargerController.Station.Tests.Fakes;

namespace ChargerController.Station.Tests.Evse;

/// <summary>Reset of one EVSE (OCPP Reset with evseId, B11.FR.08): the loop starts afresh, safely, in virtual time.</summary>
public sealed class EvseControllerResetTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ResetAsync_WhileCharging_OfferWithdrawn_OpensAfterSoftStop_StateFThenIdleWithoutOffer_UnavailableThenOccupied()
    {
        await using var h = new EvseHarness(withLock: true);
        await h.StartChargingAsync();
        Assert.True(h.Lock!.IsCommandedLocked);
        h.Events.Clear();

        var reset = h.Controller.ResetAsync(CancellationToken.None);
        Assert.False(reset.IsCompleted);
        await h.StepAsync();

        // The offer goes in the step that takes the reset; the contactor opens through the interlock's soft stop (this
        // fake EV keeps drawing, so after SoftStopTimeout), never later; then state F.
        Assert.False(h.Pilot.Output.IsPwmRunning);
        Assert.Equal(ConnectorStatus.Unavailable, h.Controller.Snapshot.ConnectorStatus);
        await h.StepUntilAsync(() => !h.Contactor.MainClosed, h.Options.Interlock.SoftStopTimeout + TimeSpan.FromMilliseconds(200));
        await h.StepUntilAsync(() => h.Pilot.Output.Mode == CpGeneratorMode.StateF, TimeSpan.FromMilliseconds(200));
        Assert.False(reset.IsCompleted);

        var took = await h.StepUntilAsync(() => reset.IsCompleted, TimeSpan.FromSeconds(1));
        await reset.WaitAsync(Bound);
        Assert.True(took >= h.Options.StateFAfterFault - (2 * h.Period), $"back after {took.TotalMilliseconds} ms, state F is held {h.Options.StateFAfterFault.TotalMilliseconds} ms");
        Assert.Equal(CpGeneratorOutput.SteadyHigh, h.Pilot.Output);
        Assert.Equal(ConnectorStatus.Occupied, h.Controller.Snapshot.ConnectorStatus);
        Assert.False(h.Controller.Snapshot.SessionAuthorized);
        Assert.Equal([ConnectorStatus.Unavailable, ConnectorStatus.Occupied], h.Events.OfType<ConnectorStatusChanged>().Select(e => e.Status));

        // Safety: the EV still asks for energy (state C), but nothing is offered nor switched until a new authorization.
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.False(h.Contactor.MainClosed);
        Assert.False(h.Pilot.Output.IsPwmRunning);
        Assert.False(h.Lock.IsCommandedLocked);

        h.Controller.Authorize();
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ResetAsync_Idle_CompletesAfterStateF_AvailableAgain()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Events.Clear();

        var reset = h.Controller.ResetAsync(CancellationToken.None);
        await h.StepUntilAsync(() => reset.IsCompleted, TimeSpan.FromSeconds(1));

        await reset.WaitAsync(Bound);
        Assert.Equal(CpGeneratorOutput.SteadyHigh, h.Pilot.Output);
        Assert.Equal([ConnectorStatus.Unavailable, ConnectorStatus.Available], h.Events.OfType<ConnectorStatusChanged>().Select(e => e.Status));
    }

    [Fact]
    public async Task B12_FR_06_ResetAsync_Inoperative_StaysUnavailable()
    {
        await using var h = new EvseHarness();
        h.Controller.SetAvailability(false);
        await h.StepAsync(3);
        Assert.Equal(ConnectorStatus.Unavailable, h.Controller.Snapshot.ConnectorStatus);

        var reset = h.Controller.ResetAsync(CancellationToken.None);
        await h.StepUntilAsync(() => reset.IsCompleted, TimeSpan.FromSeconds(1));
        await h.StepAsync(5);

        await reset.WaitAsync(Bound);
        Assert.Equal(ConnectorStatus.Unavailable, h.Controller.Snapshot.ConnectorStatus);
        Assert.False(h.Controller.Snapshot.Available);
    }

    [Fact]
    public async Task ResetAsync_TwiceBeforeTheLoopTakesIt_BothComplete_OneReset()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Events.Clear();

        var first = h.Controller.ResetAsync(CancellationToken.None);
        var second = h.Controller.ResetAsync(CancellationToken.None);
        await h.StepUntilAsync(() => first.IsCompleted && second.IsCompleted, TimeSpan.FromSeconds(1));

        await Task.WhenAll(first, second).WaitAsync(Bound);
        Assert.Single(h.Events.OfType<ConnectorStatusChanged>(), e => e.Status == ConnectorStatus.Unavailable);
    }

    [Fact]
    public async Task ResetAsync_ControllerDisposedWhileWaiting_FailsInsteadOfHanging()
    {
        var h = new EvseHarness();
        await h.StepAsync(3);
        var reset = h.Controller.ResetAsync(CancellationToken.None);

        await h.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => reset.WaitAsync(Bound));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => h.Controller.ResetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EvseControllerResetPort_EndsTheSessionThenResetsThatEvseOnly()
    {
        await using var one = new EvseHarness();
        await using var two = new EvseHarness();
        var controllers = new[] { one.Controller, two.Controller };
        var ended = new List<int>();
        await one.StartChargingAsync();
        await two.StartChargingAsync();

        // Both harnesses number their EVSE 1: the port resets the first with that id, and only it.
        var port = new EvseControllerResetPort(controllers, one.Time, ended.Add);
        one.Events.Clear();
        var reset = port.ResetEvseAsync(1, CancellationToken.None).AsTask();

        // The port's bounded wait completes on the thread pool: step until the EVSE is back, then await it.
        await one.StepUntilAsync(() => one.Events.OfType<ConnectorStatusChanged>().Select(e => e.Status).SequenceEqual([ConnectorStatus.Unavailable, ConnectorStatus.Occupied]), TimeSpan.FromSeconds(8));
        await two.RunForAsync(TimeSpan.FromSeconds(1));

        await reset.WaitAsync(Bound);
        Assert.Equal([1], ended);
        Assert.False(one.Contactor.MainClosed);
        Assert.True(two.Contactor.MainClosed);
        Assert.True(two.Pilot.Output.IsPwmRunning);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => port.ResetEvseAsync(3, CancellationToken.None).AsTask());
    }
}
