using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Tests.Iec61851;

public sealed class CpStateClassifierTests
{
    [Theory]
    [InlineData(12.0, CpState.A)]
    [InlineData(11.0, CpState.A)]
    [InlineData(13.0, CpState.A)]
    [InlineData(10.0, CpState.B)]
    [InlineData(8.98, CpState.B)]
    [InlineData(8.0, CpState.B)]
    [InlineData(7.0, CpState.C)]
    [InlineData(6.0, CpState.C)]
    [InlineData(5.0, CpState.C)]
    [InlineData(4.0, CpState.D)]
    [InlineData(2.93, CpState.D)]
    [InlineData(2.0, CpState.D)]
    [InlineData(1.0, CpState.E)]
    [InlineData(0.0, CpState.E)]
    [InlineData(-1.0, CpState.E)]
    [InlineData(-11.0, CpState.F)]
    [InlineData(-12.0, CpState.F)]
    [InlineData(-13.0, CpState.F)]
    public void Classify_InsideAWindow_IgnoresThePreviousState(double highV, CpState expected)
    {
        foreach (var previous in Enum.GetValues<CpState>())
        {
            Assert.Equal(expected, CpStateClassifier.Classify(highV, previous));
        }
    }

    [Theory]
    [InlineData(10.5, CpState.A, CpState.B)]
    [InlineData(7.5, CpState.B, CpState.C)]
    [InlineData(4.5, CpState.C, CpState.D)]
    [InlineData(1.5, CpState.D, CpState.E)]
    public void Classify_InAGap_KeepsEitherNeighbourAndRejectsOthers(double highV, CpState upper, CpState lower)
    {
        Assert.Equal(upper, CpStateClassifier.Classify(highV, upper));
        Assert.Equal(lower, CpStateClassifier.Classify(highV, lower));
        foreach (var other in Enum.GetValues<CpState>().Where(s => s != upper && s != lower))
        {
            Assert.Equal(CpState.Invalid, CpStateClassifier.Classify(highV, other));
        }
    }

    [Theory]
    [InlineData(10.999, CpState.B, CpState.B)]
    [InlineData(10.001, CpState.A, CpState.A)]
    [InlineData(7.999, CpState.C, CpState.C)]
    [InlineData(7.001, CpState.B, CpState.B)]
    [InlineData(4.999, CpState.D, CpState.D)]
    [InlineData(4.001, CpState.C, CpState.C)]
    [InlineData(1.999, CpState.E, CpState.E)]
    [InlineData(1.001, CpState.D, CpState.D)]
    public void Classify_JustInsideAGapEdge_Hysteresis(double highV, CpState previous, CpState expected)
    {
        Assert.Equal(expected, CpStateClassifier.Classify(highV, previous));
    }

    [Fact]
    public void Classify_SlowFallFromAToD_PassesEveryStateWithoutChattering()
    {
        var state = CpState.Invalid;
        var seen = new List<CpState>();
        for (var v = 12.0; v >= 2.0; v -= 0.05)
        {
            state = CpStateClassifier.Classify(v, state);
            if (seen.Count == 0 || seen[^1] != state)
            {
                seen.Add(state);
            }
        }

        Assert.Equal([CpState.A, CpState.B, CpState.C, CpState.D], seen);
    }

    [Fact]
    public void Classify_NoiseAroundAThreshold_DoesNotToggle()
    {
        var state = CpState.C;
        foreach (var v in new[] { 7.2, 6.9, 7.4, 6.95, 7.9, 7.1 })
        {
            state = CpStateClassifier.Classify(v, state);
            Assert.Equal(CpState.C, state);
        }

        state = CpStateClassifier.Classify(8.0, state);
        Assert.Equal(CpState.B, state);
        state = CpStateClassifier.Classify(7.2, state);
        Assert.Equal(CpState.B, state);
    }

    [Theory]
    [InlineData(13.01)]
    [InlineData(-13.01)]
    [InlineData(-5.0)]
    [InlineData(-10.99)]
    [InlineData(-1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Classify_OutsideEveryWindow_IsInvalid(double highV)
    {
        Assert.Equal(CpState.Invalid, CpStateClassifier.Classify(highV, CpState.F));
        Assert.Equal(CpState.Invalid, CpStateClassifier.Classify(highV, CpState.E));
    }

    [Theory]
    [InlineData(CpState.A)]
    [InlineData(CpState.B)]
    [InlineData(CpState.C)]
    [InlineData(CpState.D)]
    public void Classify_NominalCircuitLevels_GiveTheirState(CpState state)
    {
        var highV = CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(state));

        Assert.Equal(state, CpStateClassifier.Classify(new CpPlateaus(highV, -12.0), CpState.Invalid));
    }

    [Theory]
    [InlineData(1870.0, CpState.B)]
    [InlineData(4610.0, CpState.B)]
    public void Classify_ExtremeStateBResistors_StayInsideTheBWindow(double r2Ohm, CpState expected)
    {
        Assert.Equal(expected, CpStateClassifier.Classify(CpCircuit.HighPlateauV(r2Ohm), CpState.Invalid));
    }
}
