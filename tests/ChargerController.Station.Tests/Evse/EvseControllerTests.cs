using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Evse;

/// <summary>Normal IEC 61851-1 sequences and their timing limits (REFERENCE.md §1.5), in virtual time.</summary>
public sealed class EvseControllerTests
{
    private static readonly TimeSpan OpenLimit = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Constructor_ContactorLeftClosedByPreviousRun_OpensAndDrivesStateF()
    {
        var time = new FakeTimeProvider();
        var pilot = new FakeControlPilot(time);
        pilot.SetPwm(50);
        var contactor = new FakeContactor(time);
        contactor.Close(PhaseSelection.AllPhases);

        await using var controller = new EvseController(new EvseDevices(pilot, contactor), new EvseOptions(), time);

        Assert.False(contactor.AnyClosed);
        Assert.Equal(CpGeneratorMode.StateF, pilot.Output.Mode);
    }

    [Fact]
    public async Task Step_NoEv_SteadyHighAndAvailable()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(5);
        Assert.Equal(CpGeneratorOutput.SteadyHigh, h.Pilot.Output);
        Assert.Equal(PilotState.A, h.Controller.Snapshot.PilotState);
        Assert.Equal(ConnectorStatus.Available, h.Controller.Snapshot.ConnectorStatus);
        Assert.Equal(ConnectorStatus.Available, h.LastEvent<ConnectorStatusChanged>()?.Status);
    }

    [Fact]
    public async Task PlugIn_NotAuthorized_StaysB1WithoutPwm()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        await h.RunForAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(PilotState.B1, h.Controller.Snapshot.PilotState);
        Assert.False(h.Pilot.Output.IsPwmRunning);
        Assert.Equal(ConnectorStatus.Occupied, h.Controller.Snapshot.ConnectorStatus);
        Assert.Equal(EvseChargingState.EVConnected, h.Controller.Snapshot.ChargingState);
        Assert.Single(h.Events.OfType<EvConnected>());
    }

    [Fact]
    public async Task Authorize_WithEvInB_StartsPwmWithinOneStepAtTheMinimumLimit()
    {
        await using var h = new EvseHarness(o => o with { HardwareMaxCurrentA = 32, ConfiguredMaxCurrentA = 16 });
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        await h.StepAsync(3);

        h.Controller.Authorize();
        var took = await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));

        Assert.True(took <= h.Period, $"PWM started after {took.TotalMilliseconds} ms");
        Assert.Equal(DutyCycle.FromCurrent(16), h.Pilot.Output.DutyCyclePercent, 6);
        await h.StepAsync(); // the sample of the next step sees the PWM
        Assert.Equal(PilotState.B2, h.Controller.Snapshot.PilotState);
        Assert.Equal(EvseChargingState.SuspendedEV, h.Controller.Snapshot.ChargingState);
        var offered = h.LastEvent<EnergyOfferedChanged>();
        Assert.NotNull(offered);
        Assert.Equal(16, offered.CurrentA, 6);
    }

    [Fact]
    public async Task AuthorizeBeforePlugIn_OffersWhenTheEvArrives()
    {
        await using var h = new EvseHarness();
        h.Controller.Authorize();
        await h.StepAsync(5);
        Assert.False(h.Pilot.Output.IsPwmRunning); // A stays X1

        h.Pilot.EvState = CpState.B;
        await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task EvRequestsEnergy_B2ToC2_ClosesWithinThreeSeconds()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));

        h.Pilot.EvState = CpState.C;
        var took = await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));

        Assert.True(took <= TimeSpan.FromSeconds(3)); // IEC 61851-1 Table A.6 seq. 4
        await h.StepAsync();
        Assert.Equal(EvseChargingState.Charging, h.Controller.Snapshot.ChargingState);
        Assert.Equal(PilotState.C2, h.Controller.Snapshot.PilotState);
        Assert.Equal(PhaseSelection.AllPhases, h.Contactor.Commands.Single(c => c.Closed).Phases);
    }

    [Fact]
    public async Task C1_EvInCWithoutPwm_NeverCloses()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.C;
        await h.RunForAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PilotState.C1, h.Controller.Snapshot.PilotState);
        Assert.Equal(0, h.Contactor.CloseCount);
    }

    [Fact]
    public async Task EvStops_CToB_OpensWithin100Ms()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Pilot.EvState = CpState.B;
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, OpenLimit);

        Assert.True(took <= OpenLimit, $"opened after {took.TotalMilliseconds} ms"); // Table A.6 seq. 8.1
        Assert.Equal(h.Period, took); // in the step that took the first B sample, not after the debounce
        Assert.True(h.Pilot.Output.IsPwmRunning); // C→B keeps X2
        await h.RunForAsync(h.Options.ControlPilot.Debounce + h.Period);
        Assert.Equal(EvseChargingState.SuspendedEV, h.Controller.Snapshot.ChargingState);
    }

    [Fact]
    public async Task Unplug_FromC_OpensWithin100MsAndEndsTheSession()
    {
        await using var h = new EvseHarness(withLock: true);
        await h.StartChargingAsync();
        Assert.True(h.Lock!.IsCommandedLocked);

        h.Pilot.EvState = CpState.A;
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, OpenLimit);
        Assert.True(took <= OpenLimit, $"opened after {took.TotalMilliseconds} ms");

        await h.StepAsync(3);
        Assert.False(h.Controller.Snapshot.SessionAuthorized);
        Assert.False(h.Pilot.Output.IsPwmRunning); // A1
        Assert.False(h.Lock.IsCommandedLocked);
        Assert.Single(h.Events.OfType<EvDisconnected>());
        Assert.Equal(ConnectorStatus.Available, h.Controller.Snapshot.ConnectorStatus);

        // A new plug-in needs a new authorization.
        h.Pilot.EvState = CpState.B;
        await h.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.False(h.Pilot.Output.IsPwmRunning);
    }

    [Fact]
    public async Task Deauthorize_EvStopsDrawing_OpensBeforeTheTimeout()
    {
        await using var h = new EvseHarness(o => o with { MeterPollInterval = TimeSpan.FromMilliseconds(100) });
        await h.StartChargingAsync(16);

        h.Controller.Deauthorize();
        await h.StepAsync();
        Assert.False(h.Pilot.Output.IsPwmRunning); // X1 at once
        Assert.True(h.Contactor.AnyClosed); // not under load if avoidable

        await h.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.True(h.Contactor.AnyClosed);
        h.Meter!.CurrentA = 0.2;
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromMilliseconds(300));
        Assert.True(took <= TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Deauthorize_LazyEvKeepsDrawingInC_ForcedOpenAtSixSeconds()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync(16);

        h.Controller.Deauthorize();
        await h.StepAsync();
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromSeconds(7));

        // IEC 61851-1:2017 Table A.6 seq. 10.2: no later than 6 s after PWM removal, even under load.
        Assert.InRange(took, TimeSpan.FromSeconds(6) - (2 * h.Period), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Deauthorize_EvGoesToB_OpensWithin100Ms()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync(16);
        h.Controller.Deauthorize();
        await h.StepAsync(10);
        h.Pilot.EvState = CpState.B;
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, OpenLimit);
        Assert.True(took <= OpenLimit);
    }

    [Fact]
    public async Task VentilationRequest_WithoutVentilation_NeverClosesAndKeepsPwm()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));
        h.Pilot.EvState = CpState.D;
        await h.RunForAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, h.Contactor.CloseCount);
        Assert.True(h.Pilot.Output.IsPwmRunning);
        Assert.Contains(FaultKind.VentilationNotAvailable, h.ActiveFaults);

        h.Pilot.EvState = CpState.C;
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
        Assert.Empty(h.ActiveFaults);
    }

    [Fact]
    public async Task VentilationRequest_WithVentilation_ClosesLikeC()
    {
        await using var h = new EvseHarness(o => o with { HasVentilation = true });
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));
        h.Pilot.EvState = CpState.D;
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
        Assert.Equal(PilotState.D2, h.Controller.Snapshot.PilotState);
    }

    [Fact]
    public async Task SetAvailability_False_DrivesStateFAndOpensWithin100Ms()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync();

        h.Controller.SetAvailability(false);
        await h.StepAsync();
        Assert.Equal(CpGeneratorMode.StateF, h.Pilot.Output.Mode);

        // State F hides the EV (even an unplug), so there is no soft stop: open at once.
        Assert.False(h.Contactor.AnyClosed);
        Assert.Equal(ConnectorStatus.Unavailable, h.Controller.Snapshot.ConnectorStatus);

        h.Controller.SetAvailability(true);
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SetAvailability_FalseWithX1_SoftStops()
    {
        await using var h = new EvseHarness(o => o with { UnavailableSignal = CpSafeSignal.SteadyHigh });
        await h.StartChargingAsync();

        h.Controller.SetAvailability(false);
        await h.StepAsync();
        Assert.Equal(CpGeneratorMode.SteadyHigh, h.Pilot.Output.Mode);
        Assert.True(h.Contactor.AnyClosed);
        var took = await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromSeconds(6));
        Assert.True(took > TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SetAvailability_SteadyHighConfigured_UsesX1()
    {
        await using var h = new EvseHarness(o => o with { UnavailableSignal = CpSafeSignal.SteadyHigh });
        h.Controller.SetAvailability(false);
        await h.StepAsync(3);
        Assert.Equal(CpGeneratorMode.SteadyHigh, h.Pilot.Output.Mode);
    }

    [Fact]
    public async Task Events_FullSession_ReportChargingStatesInOrder()
    {
        await using var h = new EvseHarness();
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        await h.StepAsync(5);
        h.Controller.Authorize();
        await h.StepAsync(5);
        h.Pilot.EvState = CpState.C;
        await h.StepAsync(20);
        h.Controller.SetExternalLimit(0);
        await h.StepAsync(5);
        h.Pilot.EvState = CpState.B;
        await h.StepAsync(5);
        h.Controller.SetExternalLimit(null);
        await h.StepAsync(5);
        h.Pilot.EvState = CpState.A;
        await h.StepAsync(5);

        var states = h.Events.OfType<ChargingStateChanged>().Select(e => e.State).ToArray();
        Assert.Equal(
            [EvseChargingState.EVConnected, EvseChargingState.SuspendedEV, EvseChargingState.Charging, EvseChargingState.SuspendedEVSE, EvseChargingState.SuspendedEV, EvseChargingState.Idle],
            states);
        Assert.All(h.Events, e => Assert.Equal(1, e.EvseId));
        Assert.Equal([true, false], h.Events.Where(e => e is EvConnected or EvDisconnected).Select(e => e is EvConnected));
    }
}
