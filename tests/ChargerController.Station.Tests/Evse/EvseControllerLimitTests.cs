using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Events;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;

namespace ChargerController.Station.Tests.Evse;

/// <summary>Advertised current: minimum of all limits, pause below 6 A, rate-limited increases, PP, phase switching.</summary>
public sealed class EvseControllerLimitTests
{
    private sealed class Limit(double? value) : ICurrentLimitSource
    {
        public double? Value { get; set; } = value;

        public Exception? Throw { get; set; }

        public double? GetCurrentLimitA(DateTimeOffset now) => Throw is { } ex ? throw ex : Value;
    }

    private sealed class PhaseDependentLimit(Func<double> value) : ICurrentLimitSource
    {
        public double? GetCurrentLimitA(DateTimeOffset now) => value();
    }

    [Fact]
    public async Task ExternalLimitZero_PausesWithX1_AndResumesWhenRaised()
    {
        await using var h = new EvseHarness(o => o with { MeterPollInterval = TimeSpan.FromMilliseconds(100) });
        await h.StartChargingAsync(16);

        h.Controller.SetExternalLimit(0);
        await h.StepAsync();
        Assert.False(h.Pilot.Output.IsPwmRunning);
        Assert.Equal(EvseChargingState.SuspendedEVSE, h.Controller.Snapshot.ChargingState);
        h.Meter!.CurrentA = 0;
        await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromSeconds(6));

        h.Controller.SetExternalLimit(10);
        await h.StepAsync();
        Assert.Equal(DutyCycle.FromCurrent(10), h.Pilot.Output.DutyCyclePercent, 6);
        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ExternalLimitBelowSixAmps_Pauses()
    {
        await using var h = new EvseHarness();
        h.Controller.SetExternalLimit(5.5);
        await h.StepAsync(3);
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await h.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.False(h.Pilot.Output.IsPwmRunning);
        Assert.Equal(EvseChargingState.SuspendedEVSE, h.Controller.Snapshot.ChargingState);
    }

    [Fact]
    public async Task LimitDecrease_IsImmediate_IncreaseWaitsFiveSeconds()
    {
        await using var h = new EvseHarness();
        await h.StartChargingAsync(16);
        await h.RunForAsync(TimeSpan.FromSeconds(6));
        Assert.Equal(DutyCycle.FromCurrent(32), h.Pilot.Output.DutyCyclePercent, 6);

        h.Controller.SetExternalLimit(10);
        await h.StepAsync();
        Assert.Equal(DutyCycle.FromCurrent(10), h.Pilot.Output.DutyCyclePercent, 6);
        var decreasedAt = h.Time.GetUtcNow();

        h.Controller.SetExternalLimit(20);
        await h.StepUntilAsync(() => h.Pilot.Output.DutyCyclePercent > DutyCycle.FromCurrent(10) + 0.01, TimeSpan.FromSeconds(6));
        var gap = h.Time.GetUtcNow() - decreasedAt;
        Assert.InRange(gap, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) + h.Period);
        Assert.Equal(DutyCycle.FromCurrent(20), h.Pilot.Output.DutyCyclePercent, 6);

        // Duty changes at least 5 s apart unless decreasing (IEC 61851-1, EVerest IEC_PWM_MAX_UPDATE_INTERVAL).
        var pwm = h.Pilot.Commands.Where(c => c.Output.IsPwmRunning).ToList();
        for (var i = 1; i < pwm.Count; i++)
        {
            if (pwm[i].Output.DutyCyclePercent > pwm[i - 1].Output.DutyCyclePercent)
            {
                Assert.True(pwm[i].At - pwm[i - 1].At >= TimeSpan.FromSeconds(5));
            }
        }
    }

    [Fact]
    public async Task LimitSources_MinimumWins_AndAFailingSourceStopsTheOffer()
    {
        var a = new Limit(20);
        var b = new Limit(null);
        await using var h = new EvseHarness(limitSources: [a, b]);
        await h.StartChargingAsync();
        Assert.Equal(DutyCycle.FromCurrent(20), h.Pilot.Output.DutyCyclePercent, 6);

        b.Value = 8;
        await h.StepAsync();
        Assert.Equal(DutyCycle.FromCurrent(8), h.Pilot.Output.DutyCyclePercent, 6);

        b.Throw = new InvalidOperationException("schedule broken");
        await h.StepAsync();
        Assert.False(h.Pilot.Output.IsPwmRunning);
    }

    [Theory]
    [InlineData(1500, 13)]
    [InlineData(680, 20)]
    [InlineData(220, 32)]
    public async Task ProximityPilot_CableRatingCapsTheDuty(double ohm, double expectedA)
    {
        await using var h = new EvseHarness(o => o with { HardwareMaxCurrentA = 63, ConfiguredMaxCurrentA = 63 }, withProximityPilot: true);
        await h.StepAsync(3);
        h.ProximityPilot!.ResistanceOhm = ohm;
        h.Pilot.EvState = CpState.B;
        h.Controller.Authorize();
        await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));
        Assert.Equal(DutyCycle.FromCurrent(expectedA), h.Pilot.Output.DutyCyclePercent, 6);
    }

    [Fact]
    public async Task ProximityPilot_OpensDuringSession_FaultsAndOpens()
    {
        await using var h = new EvseHarness(withProximityPilot: true);
        h.ProximityPilot!.ResistanceOhm = 220;
        await h.StartChargingAsync();

        h.ProximityPilot.ResistanceOhm = double.PositiveInfinity;
        await h.StepUntilAsync(() => !h.Contactor.AnyClosed, h.Options.ProximityPilotPollInterval + TimeSpan.FromMilliseconds(20));
        Assert.Contains(FaultKind.ProximityPilotInvalid, h.ActiveFaults);

        // Cleared by unplugging.
        h.Pilot.EvState = CpState.A;
        await h.RunForAsync(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(FaultKind.ProximityPilotInvalid, h.ActiveFaults);
    }

    [Fact]
    public async Task TetheredCable_RatingFromConfiguration()
    {
        await using var h = new EvseHarness(o => o with { TetheredCableMaxCurrentA = 20 });
        await h.StartChargingAsync();
        Assert.Equal(DutyCycle.FromCurrent(20), h.Pilot.Output.DutyCyclePercent, 6);
    }

    [Fact]
    public async Task PhaseSwitch_WhileCharging_StopsOpensDwellsThenClosesSinglePhase()
    {
        await using var h = new EvseHarness(
            o => o with { PhaseSwitchDwell = TimeSpan.FromSeconds(10), MeterPollInterval = TimeSpan.FromMilliseconds(100) },
            phaseSwitching: true);
        await h.StartChargingAsync(16);
        Assert.True(h.Contactor.SecondClosed);

        Assert.True(h.Controller.RequestPhaseSelection(PhaseSelection.SinglePhase));
        await h.StepAsync();
        Assert.False(h.Pilot.Output.IsPwmRunning); // pause first
        Assert.True(h.Contactor.AnyClosed); // never switch under load
        h.Meter!.CurrentA = 0;
        await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromSeconds(6));
        var openedAt = h.Time.GetUtcNow();

        await h.StepUntilAsync(() => h.Contactor.MainClosed, TimeSpan.FromSeconds(13));
        Assert.True(h.Time.GetUtcNow() - openedAt >= TimeSpan.FromSeconds(10));
        Assert.False(h.Contactor.SecondClosed);
        Assert.Equal(PhaseSelection.SinglePhase, h.Contactor.Commands.Last(c => c.Closed).Phases);
        Assert.Equal(PhaseSelection.SinglePhase, h.Controller.Snapshot.Phases);
    }

    [Fact]
    public async Task PhaseSwitch_PublishesPhasesChanged_FirstOfferUsesTheLimitForTheNewPhaseCount()
    {
        // A power limit of 6900 W: 10 A per phase on three phases, 30 A on one. The source knows the phases only from what
        // the EVSE publishes (as smart charging does), so an unpublished switch would restart at 10 A and then stay there
        // for the 5 s increase delay.
        EvseController? controller = null;
        var limit = new PhaseDependentLimit(() => controller!.Snapshot.Phases == PhaseSelection.SinglePhase ? 30 : 10);
        await using var h = new EvseHarness(
            o => o with { PhaseSwitchDwell = TimeSpan.FromSeconds(10), MeterPollInterval = TimeSpan.FromMilliseconds(100) },
            phaseSwitching: true,
            limitSources: [limit]);
        controller = h.Controller;
        await h.StartChargingAsync(10);
        Assert.Equal(DutyCycle.FromCurrent(10), h.Pilot.Output.DutyCyclePercent, 6);

        Assert.True(h.Controller.RequestPhaseSelection(PhaseSelection.SinglePhase));
        var mark = h.Events.Count;
        await h.StepAsync();
        h.Meter!.CurrentA = 0;
        await h.StepUntilAsync(() => !h.Contactor.AnyClosed, TimeSpan.FromSeconds(6));
        await h.StepUntilAsync(() => h.LastEvent<PhasesChanged>() is not null, TimeSpan.FromSeconds(12));
        Assert.Equal(PhaseSelection.SinglePhase, h.LastEvent<PhasesChanged>()!.Phases);
        Assert.Equal(PhaseSelection.SinglePhase, h.Controller.Snapshot.Phases);

        await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));
        Assert.Equal(DutyCycle.FromCurrent(30), h.Pilot.Output.DutyCyclePercent, 6);
        Assert.All(h.Events.Skip(mark).OfType<EnergyOfferedChanged>().Where(e => e.CurrentA > 0), e => Assert.Equal(30, e.CurrentA, 6));

        // And back: the three-phase limit applies from the first offer again.
        Assert.True(h.Controller.RequestPhaseSelection(PhaseSelection.AllPhases));
        await h.StepUntilAsync(() => h.LastEvent<PhasesChanged>()!.Phases == PhaseSelection.AllPhases, TimeSpan.FromSeconds(20));
        await h.StepUntilAsync(() => h.Pilot.Output.IsPwmRunning, TimeSpan.FromSeconds(1));
        Assert.Equal(DutyCycle.FromCurrent(10), h.Pilot.Output.DutyCyclePercent, 6);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public async Task SetExternalLimit_InvalidValue_Throws(double value)
    {
        await using var h = new EvseHarness();
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Controller.SetExternalLimit(value));
    }

    [Fact]
    public async Task RequestPhaseSelection_SinglePhaseWithoutSecondContactor_IsRefused()
    {
        await using var h = new EvseHarness();
        Assert.False(h.Controller.RequestPhaseSelection(PhaseSelection.SinglePhase));
    }
}
