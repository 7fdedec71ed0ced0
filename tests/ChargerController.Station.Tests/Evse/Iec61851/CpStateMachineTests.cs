using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse.Iec61851;

namespace ChargerController.Station.Tests.Evse.Iec61851;

public sealed class CpStateMachineTests
{
    private static readonly CpGeneratorOutput Pwm = new(CpGeneratorMode.Pwm, 26.7);
    private static readonly double VB = CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(CpState.B));
    private static readonly double VC = CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(CpState.C));

    private static CpSample Sample(double high, double low, CpGeneratorOutput output) => new(new CpPlateaus(high, low), output, DateTimeOffset.UnixEpoch);

    private static CpSample Steady(double v) => Sample(v, v, CpGeneratorOutput.SteadyHigh);

    private static CpObservation Feed(CpStateMachine sm, CpSample sample, ref int ms, int forMs, int stepMs = 10)
    {
        CpObservation o = default;
        for (var t = 0; t <= forMs; t += stepMs)
        {
            o = sm.Update(sample, TimeSpan.FromMilliseconds(ms));
            ms += stepMs;
        }

        return o;
    }

    [Fact]
    public void Update_StartsInvalidAndAcceptsAAfterDebounce()
    {
        var sm = new CpStateMachine();
        var o = sm.Update(Steady(12), TimeSpan.Zero);
        Assert.Equal(CpState.Invalid, o.State);
        Assert.Equal(CpState.A, o.Sampled);
        o = sm.Update(Steady(12), TimeSpan.FromMilliseconds(10));
        Assert.Equal(CpState.Invalid, o.State);
        o = sm.Update(Steady(12), TimeSpan.FromMilliseconds(20));
        Assert.Equal(CpState.A, o.State);
        Assert.True(o.Changed);
        Assert.Equal(PilotState.A, o.PilotState);
    }

    [Fact]
    public void Update_GlitchShorterThanDebounce_IsIgnored()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        Feed(sm, Steady(VB), ref ms, 50);
        Assert.Equal(CpState.B, sm.State);
        sm.Update(Steady(12), TimeSpan.FromMilliseconds(ms));
        ms += 10;
        var o = Feed(sm, Steady(VB), ref ms, 50);
        Assert.Equal(CpState.B, o.State);
    }

    [Fact]
    public void Update_EnergyRequest_UsesTheLongerDebounce_LeavingCUsesTheShortOne()
    {
        var sm = new CpStateMachine(new CpStateMachineOptions { Debounce = TimeSpan.FromMilliseconds(20), EnergyRequestDebounce = TimeSpan.FromMilliseconds(100) });
        var ms = 0;
        Feed(sm, Sample(VB, -12, Pwm), ref ms, 50);
        Assert.Equal(CpState.B, sm.State);

        var start = ms;
        while (sm.Update(Sample(VC, -12, Pwm), TimeSpan.FromMilliseconds(ms)).State != CpState.C)
        {
            ms += 10;
        }

        Assert.Equal(100, ms - start);
        Assert.Equal(PilotState.C2, sm.Update(Sample(VC, -12, Pwm), TimeSpan.FromMilliseconds(ms)).PilotState);

        ms += 10;
        start = ms;
        while (sm.Update(Sample(VB, -12, Pwm), TimeSpan.FromMilliseconds(ms)).State != CpState.B)
        {
            ms += 10;
        }

        Assert.Equal(20, ms - start);
    }

    [Theory]
    [InlineData(10.5)] // gap A/B
    [InlineData(7.5)] // gap B/C
    public void Update_ValueInGapNextToCurrentState_KeepsState(double gapV)
    {
        var sm = new CpStateMachine();
        var ms = 0;
        Feed(sm, Steady(VB), ref ms, 50);
        var o = Feed(sm, Steady(gapV), ref ms, 500);
        Assert.Equal(CpState.B, o.State);
        Assert.Equal(CpState.B, o.Sampled);
    }

    [Fact]
    public void Update_ValueInGapNotNextToState_BecomesInvalidAfterDebounce()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        Feed(sm, Steady(12), ref ms, 50);
        var o = Feed(sm, Steady(4.5), ref ms, 30);
        Assert.Equal(CpState.Invalid, o.State);
    }

    [Fact]
    public void Update_SubStates_FollowPwm()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        Assert.Equal(PilotState.B1, Feed(sm, Steady(VB), ref ms, 50).PilotState);
        Assert.Equal(PilotState.B2, Feed(sm, Sample(VB, -12, Pwm), ref ms, 10).PilotState);
        Assert.Equal(PilotState.C2, Feed(sm, Sample(VC, -12, Pwm), ref ms, 200).PilotState);
        Assert.Equal(PilotState.C1, Feed(sm, Steady(VC), ref ms, 10).PilotState);
    }

    [Fact]
    public void Update_ShortedDiodeWithPwm_FaultsAfterDebounceAndClearsOnA()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        var o = Feed(sm, Sample(VB, -12, Pwm), ref ms, 50);
        Assert.True(o.DiodeCheckPassed);
        Assert.False(o.DiodeFault);

        o = sm.Update(Sample(VB, -VB, Pwm), TimeSpan.FromMilliseconds(ms));
        Assert.False(o.DiodeFault); // one sample is not enough
        ms += 10;
        o = Feed(sm, Sample(VB, -VB, Pwm), ref ms, 20);
        Assert.True(o.DiodeFault);
        Assert.False(o.DiodeCheckPassed);

        // A good negative plateau does not clear it; unplugging does.
        o = Feed(sm, Sample(VB, -12, Pwm), ref ms, 50);
        Assert.True(o.DiodeFault);
        o = Feed(sm, Steady(12), ref ms, 50);
        Assert.Equal(CpState.A, o.State);
        Assert.False(o.DiodeFault);
        Assert.False(o.DiodeCheckPassed);
    }

    [Fact]
    public void Update_WithoutPwm_NoDiodeCheck()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        var o = Feed(sm, Steady(VB), ref ms, 100);
        Assert.False(o.DiodeCheckPassed);
        Assert.False(o.DiodeFault);
    }

    [Fact]
    public void Update_WhileEvseDrivesStateF_KeepsLastStateAndIsNotUnexpected()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        Feed(sm, Steady(VB), ref ms, 50);
        var o = Feed(sm, Sample(-12, -12, CpGeneratorOutput.StateF), ref ms, 500);
        Assert.Equal(CpState.B, o.State);
        Assert.True(o.EvseDrivesStateF);
        Assert.False(o.UnexpectedStateF);
        Assert.Equal(CpState.F, o.Sampled);
    }

    [Fact]
    public void Update_MinusTwelveWhileGeneratorHigh_IsUnexpectedStateF()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        Feed(sm, Steady(12), ref ms, 50);
        var o = Feed(sm, Steady(-12), ref ms, 30);
        Assert.Equal(CpState.F, o.State);
        Assert.True(o.UnexpectedStateF);
    }

    [Fact]
    public void Update_ZeroVolts_IsStateE()
    {
        var sm = new CpStateMachine();
        var ms = 0;
        Feed(sm, Sample(VC, -12, Pwm), ref ms, 200);
        var o = Feed(sm, Sample(0, -12, Pwm), ref ms, 30);
        Assert.Equal(CpState.E, o.State);
        Assert.Equal(PilotState.E, o.PilotState);
    }

    private static CpStateMachine Charging(ref int ms, bool confirm = true)
    {
        var sm = new CpStateMachine(new CpStateMachineOptions { ConfirmWithdrawal = confirm });
        Feed(sm, Sample(VB, -12, Pwm), ref ms, 50);
        var o = Feed(sm, Sample(VC, -12, Pwm), ref ms, 200);
        Assert.Equal(CpState.C, o.State);
        Assert.True(o.EnergyRequestSettled);
        Assert.False(o.EnergyRequestWithdrawn);
        return sm;
    }

    [Theory]
    [InlineData(9.0, -12.0)] // B: the EV stopped
    [InlineData(12.0, -12.0)] // A: unplugged
    [InlineData(0.0, -12.0)] // E: CP shorted behind the diode
    [InlineData(-12.0, -12.0)] // −12 V while the generator runs PWM: faulty line
    [InlineData(15.0, -12.0)] // out of range
    [InlineData(6.0, -6.0)] // C level, but the diode check fails
    public void Update_WithdrawingSample_WithoutConfirmation_WithdrawsOnTheFirstSampleWhileTheStateKeepsItsDebounce(double high, double low)
    {
        var ms = 0;
        var sm = Charging(ref ms, confirm: false);
        var o = sm.Update(Sample(high, low, Pwm), TimeSpan.FromMilliseconds(ms));
        Assert.True(o.EnergyRequestWithdrawn);
        Assert.False(o.WithdrawalUnconfirmed);
        Assert.False(o.EnergyRequestSettled);
        Assert.Equal(CpState.C, o.State); // the reported state still waits for its debounce
        Assert.False(o.Changed);
    }

    [Theory]
    [InlineData(9.0, -12.0)]
    [InlineData(0.0, -12.0)]
    [InlineData(15.0, -12.0)]
    [InlineData(6.0, -6.0)]
    public void Update_WithdrawingSample_WithConfirmation_WithdrawsOnTheSecondConsecutiveSample(double high, double low)
    {
        var ms = 0;
        var sm = Charging(ref ms);
        var first = sm.Update(Sample(high, low, Pwm), TimeSpan.FromMilliseconds(ms));
        Assert.False(first.EnergyRequestWithdrawn);
        Assert.True(first.WithdrawalUnconfirmed);

        // The confirming sample, taken at once (same loop step, one evaluation window later).
        var second = sm.Update(Sample(high, low, Pwm), TimeSpan.FromMilliseconds(ms + 1));
        Assert.True(second.EnergyRequestWithdrawn);
        Assert.False(second.WithdrawalUnconfirmed);
        Assert.Equal(CpState.C, second.State);
    }

    [Fact]
    public void Update_DifferentWithdrawingSamplesInARow_ConfirmEachOther()
    {
        // Unplugging under load passes B on the way to A: both withdraw, so they confirm each other.
        var ms = 0;
        var sm = Charging(ref ms);
        Assert.True(sm.Update(Sample(9.0, -12, Pwm), TimeSpan.FromMilliseconds(ms)).WithdrawalUnconfirmed);
        Assert.True(sm.Update(Sample(12.0, -12, Pwm), TimeSpan.FromMilliseconds(ms + 1)).EnergyRequestWithdrawn);
    }

    [Fact]
    public void Update_SingleSampleGlitch_WithConfirmation_NeverWithdrawsButRestartsTheSettleTime()
    {
        var ms = 0;
        var sm = Charging(ref ms);
        Assert.True(sm.Update(Sample(VB, -12, Pwm), TimeSpan.FromMilliseconds(ms)).WithdrawalUnconfirmed);
        var o = sm.Update(Sample(VC, -12, Pwm), TimeSpan.FromMilliseconds(ms + 1));
        Assert.False(o.EnergyRequestWithdrawn);
        Assert.False(o.WithdrawalUnconfirmed);
        Assert.False(o.EnergyRequestSettled);
        Assert.Equal(CpState.C, o.State);
    }

    [Fact]
    public void Update_AfterAWithdrawal_RequestSettlesOnlyAfterTheEnergyRequestDebounce()
    {
        var ms = 0;
        var sm = Charging(ref ms, confirm: false);
        Assert.True(sm.Update(Sample(VB, -12, Pwm), TimeSpan.FromMilliseconds(ms)).EnergyRequestWithdrawn);
        ms += 10;
        var back = ms;
        CpObservation o;
        while (!(o = sm.Update(Sample(VC, -12, Pwm), TimeSpan.FromMilliseconds(ms))).EnergyRequestSettled)
        {
            Assert.False(o.EnergyRequestWithdrawn);
            ms += 10;
        }

        Assert.Equal(100, ms - back);
        Assert.Equal(CpState.C, o.State); // the debounced state never left C: no status flap either
    }

    [Fact]
    public void Update_WhileEvseDrivesStateF_RequestCountsAsWithdrawn()
    {
        var ms = 0;
        var sm = Charging(ref ms);
        var o = sm.Update(Sample(-12, -12, CpGeneratorOutput.StateF), TimeSpan.FromMilliseconds(ms));
        Assert.True(o.EnergyRequestWithdrawn);
        Assert.False(o.EnergyRequestSettled);
    }

    [Fact]
    public void SampleMissed_BreaksTheRequest()
    {
        var ms = 0;
        var sm = Charging(ref ms);
        sm.SampleMissed();
        var o = sm.Update(Sample(VC, -12, Pwm), TimeSpan.FromMilliseconds(ms));
        Assert.False(o.EnergyRequestWithdrawn);
        Assert.False(o.EnergyRequestSettled);
    }

    [Theory]
    [InlineData(51)]
    [InlineData(-1)]
    public void Options_DebounceBeyondTheOpeningBudget_Throws(int debounceMs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpStateMachine(new CpStateMachineOptions { Debounce = TimeSpan.FromMilliseconds(debounceMs) }));
}
