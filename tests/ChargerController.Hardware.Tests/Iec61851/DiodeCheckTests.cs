using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Tests.Iec61851;

public sealed class DiodeCheckTests
{
    [Theory]
    [InlineData(CpState.B)]
    [InlineData(CpState.C)]
    [InlineData(CpState.D)]
    public void Evaluate_LowPlateauAtMinus12WithPwm_Passes(CpState state)
    {
        Assert.Equal(DiodeCheckResult.Passed, DiodeCheck.Evaluate(new CpPlateaus(9.0, -12.0), pwmRunning: true, state));
        Assert.Equal(DiodeCheckResult.Passed, DiodeCheck.Evaluate(new CpPlateaus(9.0, -10.0), pwmRunning: true, state));
    }

    [Theory]
    [InlineData(-9.99)]
    [InlineData(-8.98)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Evaluate_LowPlateauAboveMinus10WithEv_Fails(double lowV)
    {
        Assert.Equal(DiodeCheckResult.Failed, DiodeCheck.Evaluate(new CpPlateaus(8.98, lowV), pwmRunning: true, CpState.B));
    }

    [Fact]
    public void Evaluate_WithoutPwm_IsNotApplicable()
    {
        Assert.Equal(DiodeCheckResult.NotApplicable, DiodeCheck.Evaluate(new CpPlateaus(9.0, 9.0), pwmRunning: false, CpState.B));
    }

    [Theory]
    [InlineData(CpState.A)]
    [InlineData(CpState.E)]
    [InlineData(CpState.F)]
    [InlineData(CpState.Invalid)]
    public void Evaluate_WithoutEvPresent_IsNotApplicable(CpState state)
    {
        Assert.Equal(DiodeCheckResult.NotApplicable, DiodeCheck.Evaluate(new CpPlateaus(0.0, 0.0), pwmRunning: true, state));
    }
}
