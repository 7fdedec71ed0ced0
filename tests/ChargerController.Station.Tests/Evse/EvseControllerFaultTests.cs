using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;

namespace ChargerController.Station.Tests.Evse;

/// <summary>Each fault of REFERENCE.md §6.4: detection, safe state, contactor open within the limit, event, clearing rule.</summary>
public sealed class EvseControllerFaultTests
{
    private static readonly TimeSpan OpenLimit = TimeSpan.FromMilliseconds(100);

    private static async Task AssertFaultOpensWithinLimit(EvseHarness h, FaultKind kind, TimeSpan? limit = null)
    {
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, limit ?? OpenLimit);
        Assert.True(took <= (limit ?? OpenLimit), $"opened after {took.TotalMilliseconds} ms");

        // A CP fault opens on the first confirmed sample, before its debounce raises the fault; both within the limit.
        var raisedAfter = took + await h.StepUntilAsync(() => h.ActiveFaults.Contains(kind), (limit ?? OpenLimit) - took);
        Assert.True(raisedAfter <= (limit ?? OpenLimit), $"fault raised after {raisedAfter.TotalMilliseconds} ms");
        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(ConnectorStatus.Faulted, h.Controller.Snapshot.ConnectorStatus);
        var raised = h.Events.OfType<EvseFaultRaised>().Last(e => e.Fault.Kind == kind);
        Assert.False(string.IsNullOrWhiteSpace(raised.Fault.Reason));
    }

    [Fact]
    public async Task DiodeShorted_WhileCharging_OpensStateFThenX1_ClearsOnUnplug()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Pilot.DiodeShorted = true;
        await AssertFaultOpensWithinLimit(h, FaultKind.DiodeFailure);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);

        // F for at least 300 ms (Table A.5), then X1.
        var fAt = h.Pilot.Commands.Last(c => c.Output.Mode == CpGeneratorMode.StateF).At;
        await h.StepUntilAsync(() => h.Pilot.Output.Mode == CpGeneratorMode.SteadyHigh, TimeSpan.FromMilliseconds(400));
        Assert.True(h.Time.GetUtcNow() - fAt >= TimeSpan.FromMilliseconds(300));

        h.Pilot.DiodeShorted = false;
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Contains(FaultKind.DiodeFailure, h.ActiveFaults); // latched until unplug
        Assert.Equal(1, h.Contactor.CloseCount);

        h.Pilot.EvState = CpState.A;
        await h.RunForAsync(TimeSpan.FromMilliseconds(100));
        Assert.Empty(h.ActiveFaults);
        Assert.IsType<EvseFaultCleared>(h.Events.Last(e => e is EvseFaultRaised or EvseFaultCleared));
    }

    [Fact]
    public async Task DiodeShorted_BeforeCharging_NeverCloses()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Pilot.DiodeShorted = true;
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await h.RunForAsync(TimeSpan.FromMilliseconds(200));
        h.Pilot.EvState = CpState.C;
        await h.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, h.Contactor.CloseCount);
        Assert.Contains(FaultKind.DiodeFailure, h.ActiveFaults);
    }

    [Fact]
    public async Task StateE_WhileCharging_OpensAndClearsWhenCpValidAgain()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Pilot.ShortedToPe = true;
        await AssertFaultOpensWithinLimit(h, FaultKind.CpShortCircuit);
        await h.RunForAsync(TimeSpan.FromMilliseconds(400));
        Assert.Equal(CpGeneratorMode.SteadyHigh, h.Pilot.Output.Mode);

        h.Pilot.ShortedToPe = false;
        await h.RunForAsync(TimeSpan.FromMilliseconds(200));
        Assert.DoesNotContain(FaultKind.CpShortCircuit, h.ActiveFaults);
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3)); // session resumes
    }

    [Fact]
    public async Task UnexpectedMinus12V_WhileCharging_OpensAndClears()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Pilot.ForcedNegative = true;
        await AssertFaultOpensWithinLimit(h, FaultKind.UnexpectedStateF);
        h.Pilot.ForcedNegative = false;
        await h.RunForAsync(TimeSpan.FromMilliseconds(200));
        Assert.DoesNotContain(FaultKind.UnexpectedStateF, h.ActiveFaults);
    }

    [Fact]
    public async Task CpOutOfRange_StaysInvalid_Faults()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Pilot.Override = new CpPlateaus(14.5, -12);
        await AssertFaultOpensWithinLimit(h, FaultKind.CpOutOfRange);
    }

    [Fact]
    public async Task WeldedContactor_AfterOpening_FaultsStateFRefusesSessionsUntilServiced()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Contactor.Welded = true;
        h.Pilot.EvState = CpState.B;
        await h.StepUntilAsync(() => !h.Contactor.AnyClosed, OpenLimit);
        var took = await h.StepUntilAsync(() => h.ActiveFaults.Contains(FaultKind.ContactorWelded), TimeSpan.FromMilliseconds(400));
        Assert.True(took <= h.Options.Interlock.FeedbackTimeout + h.Period);
        await h.StepAsync();
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);

        h.Pilot.EvState = CpState.C;
        await h.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, h.Contactor.CloseCount);

        h.Controller.ResetFaults();
        await h.StepAsync(2);
        Assert.Contains(FaultKind.ContactorWelded, h.ActiveFaults); // still welded: reset refused

        h.Contactor.Welded = false;
        h.Controller.ResetFaults();
        await h.StepAsync(2);
        Assert.DoesNotContain(FaultKind.ContactorWelded, h.ActiveFaults);
    }

    [Fact]
    public async Task WeldedContactor_AtStartUp_IsAFault()
    {
        await using var h = new EvseHarness();
        h.Contactor.Welded = true;
        await h.RunForAsync(TimeSpan.FromMilliseconds(400));
        Assert.Contains(FaultKind.ContactorWelded, h.ActiveFaults);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
    }

    [Fact]
    public async Task ContactorDoesNotClose_CommandWithdrawnAndFaultUntilUnplug()
    {
        await using var h = new EvseHarness();
        h.Contactor.FailsToClose = true;
        await h.StartChargingAsync();

        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromMilliseconds(400));
        Assert.True(took <= h.Options.Interlock.FeedbackTimeout + h.Period);
        Assert.Contains(FaultKind.ContactorDidNotClose, h.ActiveFaults);
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1, h.Contactor.CloseCount); // no retry loop within the session

        h.Contactor.FailsToClose = false;
        h.Pilot.EvState = CpState.A;
        await h.RunForAsync(TimeSpan.FromMilliseconds(100));
        Assert.Empty(h.ActiveFaults);
    }

    [Fact]
    public async Task RcdTrip_WhileCharging_OpensInTheSameStep_LatchedUntilResetAndSelfTest()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Rcd!.Tripped = true;
        await h.StepAsync();
        Assert.False(h.Contactor.AnyClosed);
        Assert.Contains(FaultKind.RcdTripped, h.ActiveFaults);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
        await h.RunForAsync(TimeSpan.FromMilliseconds(400));
        Assert.Equal(CpGeneratorMode.SteadyHigh, h.Pilot.Output.Mode);

        h.Rcd.Tripped = false;
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Contains(FaultKind.RcdTripped, h.ActiveFaults); // latched

        h.Controller.ResetFaults();
        await h.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(1, h.Rcd.TestCount);
        Assert.Empty(h.ActiveFaults);
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task RcdSelfTestAtStart_BrokenTestInput_FaultsAndNeverCharges()
    {
        await using var h = new EvseHarness(o => o with { RcdSelfTestAtStart = true });
        h.Rcd!.TestInputBroken = true;
        await h.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.Contains(FaultKind.RcdSelfTestFailed, h.ActiveFaults);

        h.Pilot.EvState = CpState.C;
        h.Controller.Authorize();
        await h.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(0, h.Contactor.CloseCount);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);
    }

    [Fact]
    public async Task RcdSelfTestAtStart_Healthy_PassesAndChargingIsAllowed()
    {
        await using var h = new EvseHarness(o => o with { RcdSelfTestAtStart = true });
        await h.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(1, h.Rcd!.TestCount);
        Assert.Empty(h.ActiveFaults);
        await h.StartChargingAsync();
    }

    [Fact]
    public async Task RcdSelfTest_Periodic_RunsOnlyWithoutAnEv()
    {
        await using var h = new EvseHarness(o => o with { RcdSelfTestInterval = TimeSpan.FromSeconds(30) });
        await h.StartChargingAsync();
        await h.RunForAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(0, h.Rcd!.TestCount); // due, but an EV is connected
        Assert.True(h.Contactor.MainClosed);

        h.Pilot.EvState = CpState.A;
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1, h.Rcd.TestCount);
        Assert.Empty(h.ActiveFaults);
    }

    [Fact]
    public async Task RequestRcdSelfTest_WhileCharging_WaitsForTheContactorToOpen()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();
        h.Controller.RequestRcdSelfTest();
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(0, h.Rcd!.TestCount);
        Assert.True(h.Contactor.MainClosed);

        h.Pilot.EvState = CpState.B;
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1, h.Rcd.TestCount);
        Assert.False(h.Rcd.TestActive);
    }

    [Fact]
    public async Task MeterLoss_GraceZero_StopsAtTheFirstFailedRead()
    {
        await using var h = new EvseHarness(o => o with { MeterLossGrace = TimeSpan.Zero });
        await h.StartChargingAsync();
        h.Meter!.Failure = MeterFault.Timeout;
        await AssertFaultOpensWithinLimit(h, FaultKind.MeterFailure, h.Options.MeterPollInterval + OpenLimit);

        h.Meter.Failure = null;
        await h.RunForAsync(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(FaultKind.MeterFailure, h.ActiveFaults);
    }

    [Fact]
    public async Task MeterLoss_WithGrace_ContinuesForTheGraceThenStops()
    {
        await using var h = new EvseHarness(o => o with { MeterLossGrace = TimeSpan.FromSeconds(10) });
        await h.StartChargingAsync();
        h.Meter!.Failure = MeterFault.CrcError;
        await h.RunForAsync(TimeSpan.FromSeconds(9));
        Assert.True(h.Contactor.MainClosed);
        await AssertFaultOpensWithinLimit(h, FaultKind.MeterFailure, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task MeterLoss_InfiniteGrace_NeverStops()
    {
        await using var h = new EvseHarness(o => o with { MeterLossGrace = Timeout.InfiniteTimeSpan });
        await h.StartChargingAsync();
        h.Meter!.Failure = MeterFault.PortUnavailable;
        await h.RunForAsync(TimeSpan.FromSeconds(30));
        Assert.True(h.Contactor.MainClosed);
        Assert.Empty(h.ActiveFaults);
    }

    [Fact]
    public async Task MeterHang_CountsAsFailureAfterTheReadTimeout()
    {
        await using var h = new EvseHarness(o => o with { MeterLossGrace = TimeSpan.Zero, MeterReadTimeout = TimeSpan.FromSeconds(2) });
        await h.StartChargingAsync();
        h.Meter!.Hang = true;
        await AssertFaultOpensWithinLimit(h, FaultKind.MeterFailure, TimeSpan.FromSeconds(3.2));
    }

    [Fact]
    public async Task Overcurrent_BeyondToleranceForTheTimeout_Stops_ClearsOnUnplug()
    {
        await using var h = new EvseHarness(o => o with { ConfiguredMaxCurrentA = 16 });
        await h.StartChargingAsync(16);

        h.Meter!.CurrentA = 17.9; // within 10 % + 0.5 A
        await h.RunForAsync(TimeSpan.FromSeconds(10));
        Assert.True(h.Contactor.MainClosed);

        h.Meter.CurrentA = 25;
        await h.RunForAsync(TimeSpan.FromSeconds(6));
        Assert.True(h.Contactor.MainClosed); // the EV has 5 s to follow; tolerated for 7 s
        await AssertFaultOpensWithinLimit(h, FaultKind.Overcurrent, TimeSpan.FromSeconds(2.1));
        Assert.False(h.Pilot.Output.IsPwmRunning);

        h.Pilot.EvState = CpState.A;
        await h.RunForAsync(TimeSpan.FromMilliseconds(500)); // state F hides the EV for 300 ms
        Assert.Empty(h.ActiveFaults);
    }

    [Fact]
    public async Task LockJammed_FaultsAndNeverOffers()
    {
        await using var h = new EvseHarness(withLock: true);
        h.Lock!.Jammed = true;
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await h.RunForAsync(TimeSpan.FromSeconds(2));
        h.Pilot.EvState = CpState.C;
        await h.RunForAsync(TimeSpan.FromSeconds(2));

        Assert.Contains(FaultKind.ConnectorLockFailure, h.ActiveFaults);
        Assert.Equal(0, h.Contactor.CloseCount);
        Assert.False(h.Pilot.Output.IsPwmRunning);
        Assert.Equal(1, h.Lock.LockCount);
    }

    [Fact]
    public async Task LockLosesPosition_WhileCharging_Opens()
    {
        await using var h = new EvseHarness(withLock: true);
        await h.StartChargingAsync();
        h.Lock!.ForcedPosition = ConnectorLockFeedback.Unlocked;
        await AssertFaultOpensWithinLimit(h, FaultKind.ConnectorLockFailure);
    }

    [Fact]
    public async Task PilotSampleThrows_SafeStateAndRecovers()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();
        h.Pilot.ThrowOnSample = new IOException("ADC gone");
        await AssertFaultOpensWithinLimit(h, FaultKind.PilotFailure);
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);

        h.Pilot.ThrowOnSample = null;
        await h.RunForAsync(TimeSpan.FromMilliseconds(500));
        Assert.Empty(h.ActiveFaults);
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }
}
