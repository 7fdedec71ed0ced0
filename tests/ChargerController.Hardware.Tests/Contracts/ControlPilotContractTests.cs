using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IControlPilot"/> must do, simulated or real (house rule 11).</summary>
public abstract class ControlPilotContractTests
{
    protected abstract IControlPilot Pilot { get; }

    /// <summary>Switches the EV load on the CP line: A (none), B (2.74 kΩ + diode) or C (‖ 1.3 kΩ).</summary>
    protected abstract Task SetEvLoadAsync(CpState state);

    /// <summary>Lets the generator and the EV settle after a change.</summary>
    protected abstract Task WaitAsync(TimeSpan duration);

    [ContractFact]
    public async Task New_IsStateFAndMeasuresMinus12OnBothPlateaus()
    {
        Assert.Equal(CpGeneratorOutput.StateF, Pilot.Output);

        var sample = await Pilot.SampleAsync(CancellationToken.None);

        Assert.Equal(CpState.F, CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid));
        Assert.True(sample.Plateaus.LowV <= CpStateClassifier.StateFMaxV);
    }

    [ContractFact]
    public async Task SteadyHigh_NoEv_MeasuresStateAWithoutNegativePlateau()
    {
        await SetEvLoadAsync(CpState.A);
        Pilot.SetSteadyHigh();
        await WaitAsync(TimeSpan.FromMilliseconds(50));

        var sample = await Pilot.SampleAsync(CancellationToken.None);

        Assert.Equal(CpGeneratorOutput.SteadyHigh, sample.Output);
        Assert.Equal(CpState.A, CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid));
        Assert.True(sample.Plateaus.LowV > 0, "without PWM there is no negative half-wave");
    }

    [ContractFact]
    public async Task Pwm_EvInStateB_MeasuresBAndPassesTheDiodeCheck()
    {
        await SetEvLoadAsync(CpState.B);
        Pilot.SetPwm(DutyCycle.FromCurrent(16));
        await WaitAsync(TimeSpan.FromMilliseconds(50));

        var sample = await Pilot.SampleAsync(CancellationToken.None);
        var state = CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid);

        Assert.Equal(CpGeneratorMode.Pwm, sample.Output.Mode);
        Assert.Equal(26.667, sample.Output.DutyCyclePercent, 2);
        Assert.Equal(CpState.B, state);
        Assert.Equal(DiodeCheckResult.Passed, DiodeCheck.Evaluate(sample.Plateaus, sample.Output.IsPwmRunning, state));
    }

    [ContractFact]
    public async Task Pwm_EvInStateC_MeasuresC()
    {
        Pilot.SetPwm(DutyCycle.FromCurrent(32));
        await SetEvLoadAsync(CpState.C);
        await WaitAsync(TimeSpan.FromMilliseconds(50));

        var sample = await Pilot.SampleAsync(CancellationToken.None);

        Assert.Equal(CpState.C, CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid));
        Assert.True(sample.Plateaus.LowV <= DiodeCheck.MaxLowPlateauV);
    }

    [ContractFact]
    public async Task SetStateF_AfterPwm_ReturnsToMinus12()
    {
        Pilot.SetPwm(50);
        Pilot.SetStateF();
        await WaitAsync(TimeSpan.FromMilliseconds(50));

        var sample = await Pilot.SampleAsync(CancellationToken.None);

        Assert.Equal(CpGeneratorOutput.StateF, Pilot.Output);
        Assert.True(sample.Plateaus.HighV <= CpStateClassifier.StateFMaxV);
    }

    [ContractFact]
    public void SetPwm_OutOfRange_ThrowsAndKeepsTheOutput()
    {
        Pilot.SetSteadyHigh();

        foreach (var duty in new[] { 0.0, 100.0, -1.0, 101.0, double.NaN })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Pilot.SetPwm(duty));
        }

        Assert.Equal(CpGeneratorOutput.SteadyHigh, Pilot.Output);
    }

    [ContractFact]
    public async Task SampleAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Pilot.SampleAsync(cts.Token));
    }
}
