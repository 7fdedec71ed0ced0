using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Tests.Iec61851;

public sealed class CpCircuitTests
{
    [Theory]
    [InlineData(CpState.A, 12.0)]
    [InlineData(CpState.B, 8.98)]
    [InlineData(CpState.C, 6.0)]
    [InlineData(CpState.D, 2.93)]
    public void HighPlateauV_NominalResistors_MatchTheReferenceLevels(CpState state, double expectedV)
    {
        Assert.Equal(expectedV, CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(state)), 1);
    }
}
