using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Simulator;

public sealed class SimulatedEvTests : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider time = new();
    private readonly SimulatedEvse evse;

    public SimulatedEvTests() =>
        evse = new SimulatedEvse(time, new SimulatedEvseOptions { Ev = new SimulatedEvOptions { ResponseDelay = Delay, MaxCurrentA = 32 } });

    public void Dispose() => evse.Dispose();

    private async Task<CpState> SampleStateAsync()
    {
        var sample = await evse.ControlPilot.SampleAsync(CancellationToken.None);
        return CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid);
    }

    [Fact]
    public async Task Plug_WithoutPwm_StaysInBEvenWhenRequestingEnergy()
    {
        evse.ControlPilot.SetSteadyHigh();
        evse.Ev.Plug(CpState.C);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(CpState.B, await SampleStateAsync());
    }

    [Fact]
    public async Task Pwm_EvRequestingEnergy_GoesToCOnlyAfterTheResponseDelay()
    {
        evse.ControlPilot.SetSteadyHigh();
        evse.Ev.Plug(CpState.C);
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));

        time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(CpState.B, await SampleStateAsync());

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(CpState.C, await SampleStateAsync());
        Assert.Equal(16.0, evse.Ev.FollowedAllowedCurrentA, 6);
    }

    [Fact]
    public async Task RequestingVentilation_PresentsD()
    {
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.D);
        time.Advance(Delay);

        Assert.Equal(CpState.D, await SampleStateAsync());
    }

    [Theory]
    [InlineData(16.0, 32.0, 16.0)]
    [InlineData(32.0, 10.0, 10.0)]
    public async Task Draw_IsTheLowerOfAdvertisedAndEvMaximum(double advertisedA, double evMaxA, double expectedA)
    {
        evse.Ev.MaxCurrentA = evMaxA;
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(advertisedA));
        evse.Ev.Plug(CpState.C);
        time.Advance(Delay);
        evse.Contactor.Close(PhaseSelection.AllPhases);

        var reading = await evse.Meter.ReadAsync(CancellationToken.None);

        Assert.All(reading.CurrentA, i => Assert.Equal(expectedA, i, 6));
    }

    [Fact]
    public async Task LowerDuty_FollowedOnlyAfterTheDelay()
    {
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(32));
        evse.Ev.Plug(CpState.C);
        time.Advance(Delay);
        evse.Contactor.Close(PhaseSelection.AllPhases);

        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(10));
        time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        var before = await evse.Meter.ReadAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var after = await evse.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(32.0, before.CurrentA[0], 6);
        Assert.Equal(10.0, after.CurrentA[0], 6);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(7.0)]
    public async Task DutyBelowSixAmps_EvPausesInB2(double dutyPercent)
    {
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.C);
        time.Advance(Delay);
        evse.Contactor.Close(PhaseSelection.AllPhases);

        evse.ControlPilot.SetPwm(dutyPercent);
        time.Advance(Delay);

        Assert.Equal(CpState.B, await SampleStateAsync());
        Assert.Equal(0.0, (await evse.Meter.ReadAsync(CancellationToken.None)).TotalPowerW);
    }

    [Fact]
    public async Task PwmStopped_EvPausesInB1AndResumesWhenPwmReturns()
    {
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.C);
        time.Advance(Delay);

        evse.ControlPilot.SetSteadyHigh();
        time.Advance(Delay);
        Assert.Equal(CpState.B, await SampleStateAsync());

        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        time.Advance(Delay);
        Assert.Equal(CpState.C, await SampleStateAsync());
    }

    [Fact]
    public async Task IgnoresPwm_KeepsStateCAndDrawsItsMaximumWithoutPwm()
    {
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.C);
        time.Advance(Delay);
        evse.Contactor.Close(PhaseSelection.AllPhases);
        evse.Ev.IgnoresPwm = true;

        evse.ControlPilot.SetSteadyHigh();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(CpState.C, await SampleStateAsync());
        Assert.Equal(32.0, (await evse.Meter.ReadAsync(CancellationToken.None)).CurrentA[0], 6);
    }

    [Fact]
    public async Task DiodeShorted_LowPlateauMirrorsHighAndTheDiodeCheckFails()
    {
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.B);
        evse.Ev.DiodeShorted = true;

        var sample = await evse.ControlPilot.SampleAsync(CancellationToken.None);
        var state = CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid);

        Assert.Equal(CpState.B, state);
        Assert.Equal(-sample.Plateaus.HighV, sample.Plateaus.LowV, 6);
        Assert.Equal(DiodeCheckResult.Failed, DiodeCheck.Evaluate(sample.Plateaus, pwmRunning: true, state));
    }

    [Fact]
    public async Task CpShortedToPe_BothPlateausZero_StateE()
    {
        evse.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        evse.Ev.Plug(CpState.C);
        evse.Ev.CpShortedToPe = true;

        var sample = await evse.ControlPilot.SampleAsync(CancellationToken.None);

        Assert.Equal(new CpPlateaus(0, 0), sample.Plateaus);
        Assert.Equal(CpState.E, CpStateClassifier.Classify(sample.Plateaus, CpState.C));
    }

    [Fact]
    public async Task Unplug_ClearsEvFaultsAndShowsA()
    {
        evse.ControlPilot.SetPwm(50);
        evse.Ev.Plug(CpState.C);
        evse.Ev.DiodeShorted = true;
        evse.Ev.CpShortedToPe = true;

        evse.Ev.Unplug();
        var sample = await evse.ControlPilot.SampleAsync(CancellationToken.None);

        Assert.False(evse.Ev.DiodeShorted);
        Assert.False(evse.Ev.CpShortedToPe);
        Assert.Equal(CpState.A, CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid));
        Assert.Equal(-12.0, sample.Plateaus.LowV);
    }

    [Fact]
    public void SetRequestedState_Unplugged_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => evse.Ev.SetRequestedState(CpState.C));
    }

    [Theory]
    [InlineData(CpState.A)]
    [InlineData(CpState.E)]
    [InlineData(CpState.F)]
    [InlineData(CpState.Invalid)]
    public void Plug_NonEvState_Throws(CpState state)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => evse.Ev.Plug(state));
    }

    [Fact]
    public async Task StateF_BothPlateausMinus12WhateverTheEv()
    {
        evse.Ev.Plug(CpState.C);
        evse.ControlPilot.SetStateF();

        var sample = await evse.ControlPilot.SampleAsync(CancellationToken.None);

        Assert.Equal(new CpPlateaus(-12, -12), sample.Plateaus);
    }

    [Fact]
    public async Task SinglePhaseEv_DrawsOnL1Only()
    {
        using var single = new SimulatedEvse(time, new SimulatedEvseOptions { Ev = new SimulatedEvOptions { Phases = 1, ResponseDelay = TimeSpan.Zero } });
        single.ControlPilot.SetPwm(DutyCycle.FromCurrent(16));
        single.Ev.Plug(CpState.C);
        single.Contactor.Close(PhaseSelection.AllPhases);

        var reading = await single.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal([16.0, 0.0, 0.0], reading.CurrentA.Select(i => Math.Round(i, 6)));
    }

    [Fact]
    public async Task SlowHybridProfile_13ACableSinglePhaseAndFiveSecondResponse()
    {
        using var hybrid = new SimulatedEvse(time, new SimulatedEvseOptions { Ev = SimulatedEvProfiles.SlowHybrid });
        hybrid.ControlPilot.SetPwm(DutyCycle.FromCurrent(13));
        hybrid.Ev.Plug(CpState.C);
        hybrid.Contactor.Close(PhaseSelection.AllPhases);

        var pp = await hybrid.ProximityPilot.ReadAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4.999));
        var before = await hybrid.Meter.ReadAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var after = await hybrid.Meter.ReadAsync(CancellationToken.None);

        Assert.Equal(new CableRating(ProximityStatus.Cable, 13), pp.Rating);
        Assert.Equal(0.0, before.TotalPowerW);
        Assert.Equal([13.0, 0.0, 0.0], after.CurrentA.Select(i => Math.Round(i, 6)));
    }
}
