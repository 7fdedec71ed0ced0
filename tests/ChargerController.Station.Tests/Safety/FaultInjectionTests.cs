using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Tests.Fakes;

namespace ChargerController.Station.Tests.Safety;

/// <summary>
/// House rule 15: exceptions injected into every fake device while charging. The loop must keep stepping (never throw),
/// drive the safe state and never leave the contactor closed beyond the 100 ms limit.
/// </summary>
public sealed class FaultInjectionTests
{
    private static readonly TimeSpan OpenLimit = TimeSpan.FromMilliseconds(100);

    private sealed class ThrowingLimit : ICurrentLimitSource
    {
        public Exception? Throw { get; set; }

        public double? GetCurrentLimitA(DateTimeOffset now) => Throw is { } ex ? throw ex : null;
    }

    public static TheoryData<string> Injections() => new(
    [
        "pilot.Sample.IOException",
        "pilot.Sample.Unexpected",
        "pilot.Command",
        "contactor.ReadStatus",
        "meter.MeterReadException",
        "meter.UnexpectedSync",
        "lock.Feedback",
        "rcd.ReadTripped",
        "pp.Read",
    ]);

    private static EvseHarness NewHarness(ThrowingLimit? limit = null) => new(
        o => o with { MeterLossGrace = TimeSpan.Zero, MeterPollInterval = TimeSpan.FromMilliseconds(20), ProximityPilotPollInterval = TimeSpan.FromMilliseconds(20) },
        withRcd: true,
        withLock: true,
        withMeter: true,
        withProximityPilot: true,
        limitSources: limit is null ? null : [limit]);

    private static async Task StartAsync(EvseHarness h)
    {
        h.ProximityPilot!.ResistanceOhm = 220;
        await h.StartChargingAsync();
        await h.StepAsync(5);
        Assert.True(h.Contactor.MainClosed);
    }

    private static void Inject(EvseHarness h, string what)
    {
        switch (what)
        {
            case "pilot.Sample.IOException": h.Pilot.ThrowOnSample = new IOException("ADC"); break;
            case "pilot.Sample.Unexpected": h.Pilot.ThrowOnSample = new InvalidOperationException("driver bug"); break;
            case "pilot.Command": h.Pilot.ThrowOnCommand = new IOException("PWM sysfs"); h.Controller.SetExternalLimit(10); break;
            case "contactor.ReadStatus": h.Contactor.ThrowOnRead = new IOException("mirror"); break;
            case "meter.MeterReadException": h.Meter!.Failure = MeterFault.PortUnavailable; break;
            case "meter.UnexpectedSync": h.Meter!.ThrowOther = new InvalidOperationException("bug"); break;
            case "lock.Feedback": h.Lock!.ThrowOnFeedback = new IOException("lock switch"); break;
            case "rcd.ReadTripped": h.Rcd!.ThrowOnRead = new IOException("rcd input"); break;
            case "pp.Read": h.ProximityPilot!.ThrowOnRead = new IOException("PP ADC"); break;
            default: throw new ArgumentOutOfRangeException(nameof(what));
        }
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task DeviceThrowsWhileCharging_OpensWithinLimitAndKeepsStepping(string injection)
    {
        await using var h = NewHarness();
        await StartAsync(h);

        Inject(h, injection);
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, OpenLimit);
        Assert.True(took <= OpenLimit, $"{injection}: open after {took.TotalMilliseconds} ms");
        Assert.Equal(ConnectorStatus.Faulted, h.Controller.Snapshot.ConnectorStatus);
        Assert.Contains(h.Events, e => e is EvseFaultRaised);

        // The loop keeps running and never re-closes while the device keeps failing.
        var closes = h.Contactor.CloseCount;
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(closes, h.Contactor.CloseCount);
        Assert.False(h.Contactor.AnyClosed);
        Assert.Single(h.Events.OfType<EvseFaultRaised>()); // one fault, no raise/clear flapping
        if (injection != "pilot.Command")
        {
            Assert.NotEqual(CpGeneratorMode.Pwm, h.Pilot.Output.Mode);
        }
        else
        {
            // A dead generator port cannot be moved; the loop keeps trying and recovers once it answers.
            h.Pilot.ThrowOnCommand = null;
            await h.RunForAsync(TimeSpan.FromMilliseconds(500));
            Assert.Empty(h.ActiveFaults);
        }
    }

    [Fact]
    public async Task ContactorOpenThrows_RetriedEveryStepUntilThePortRecovers()
    {
        await using var h = NewHarness();
        await StartAsync(h);

        h.Contactor.ThrowOnOpen = new IOException("coil driver");
        h.Pilot.EvState = CpState.B;
        await h.RunForAsync(TimeSpan.FromMilliseconds(200));
        Assert.Contains(ChargerController.Station.Safety.FaultKind.ContactorPortFailure, h.ActiveFaults);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode); // the EV is told to stop drawing

        h.Contactor.ThrowOnOpen = null;
        await h.StepAsync();
        Assert.False(h.Contactor.AnyClosed);
    }

    [Fact]
    public async Task ContactorCloseThrows_NeverClosedAndFaulted()
    {
        await using var h = NewHarness();
        h.Contactor.ThrowOnClose = new IOException("coil driver");
        h.ProximityPilot!.ResistanceOhm = 220;
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.C;
        h.Controller.Authorize();
        await h.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.False(h.Contactor.AnyClosed);
        Assert.Contains(ChargerController.Station.Safety.FaultKind.ContactorPortFailure, h.ActiveFaults);
    }

    [Fact]
    public async Task LockThrowsOnLock_NeverOffers()
    {
        await using var h = NewHarness();
        h.Lock!.ThrowOnLock = new IOException("lock motor");
        h.ProximityPilot!.ResistanceOhm = 220;
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.C;
        h.Controller.Authorize();
        await h.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(0, h.Contactor.CloseCount);
        Assert.False(h.Pilot.Output.IsPwmRunning);
        Assert.Contains(ChargerController.Station.Safety.FaultKind.ConnectorLockFailure, h.ActiveFaults);
    }

    [Fact]
    public async Task LimitSourceThrows_OfferWithdrawnAndContactorOpenedByTheSoftStop()
    {
        var limit = new ThrowingLimit();
        await using var h = NewHarness(limit);
        await StartAsync(h);

        limit.Throw = new InvalidOperationException("schedule");
        await h.StepAsync();
        Assert.False(h.Pilot.Output.IsPwmRunning);
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromSeconds(6));
        Assert.True(took <= TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task UnexpectedExceptionInTheLoopLogic_SafeStateControllerFailureAndTheLoopRecovers()
    {
        await using var h = NewHarness();
        await StartAsync(h);

        h.Meter!.Malformed = true; // the loop's own code throws (NullReferenceException) on this reading
        await h.RunForAsync(TimeSpan.FromMilliseconds(100));
        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
        Assert.Contains(h.Events.OfType<EvseFaultRaised>(), e => e.Fault.Kind == ChargerController.Station.Safety.FaultKind.ControllerFailure);

        h.Meter.Malformed = false;
        await h.RunForAsync(TimeSpan.FromMilliseconds(500));
        Assert.Empty(h.ActiveFaults);
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task EventHandlerThrows_ChargingContinues()
    {
        await using var h = NewHarness();
        h.Controller.EventRaised += (_, _) => throw new InvalidOperationException("subscriber bug");
        await StartAsync(h);
        await h.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.True(h.Contactor.MainClosed);
        Assert.Empty(h.ActiveFaults);
    }
}
