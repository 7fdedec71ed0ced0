using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Tests.Iec61851;

public sealed class ProximityPilotTableTests
{
    [Theory]
    [InlineData(1100.0, 13.0)]
    [InlineData(1500.0, 13.0)]
    [InlineData(2460.0, 13.0)]
    [InlineData(400.0, 20.0)]
    [InlineData(680.0, 20.0)]
    [InlineData(936.0, 20.0)]
    [InlineData(164.0, 32.0)]
    [InlineData(220.0, 32.0)]
    [InlineData(308.0, 32.0)]
    [InlineData(80.0, 63.0)]
    [InlineData(100.0, 63.0)]
    [InlineData(140.0, 63.0)]
    public void Decode_InsideARange_GivesItsRating(double ohm, double expectedA)
    {
        Assert.Equal(new CableRating(ProximityStatus.Cable, expectedA), ProximityPilotTable.Decode(ohm));
    }

    [Theory]
    [InlineData(150.0, 32.0)]
    [InlineData(350.0, 20.0)]
    [InlineData(1000.0, 13.0)]
    [InlineData(3000.0, 13.0)]
    [InlineData(4500.0, 13.0)]
    [InlineData(60.0, 63.0)]
    public void Decode_BetweenRanges_TakesTheLowerRating(double ohm, double expectedA)
    {
        Assert.Equal(new CableRating(ProximityStatus.Cable, expectedA), ProximityPilotTable.Decode(ohm));
    }

    [Theory]
    [InlineData(4500.1)]
    [InlineData(100000.0)]
    [InlineData(double.PositiveInfinity)]
    public void Decode_Open_IsNoCable(double ohm)
    {
        Assert.Equal(new CableRating(ProximityStatus.NoCable, 0.0), ProximityPilotTable.Decode(ohm));
    }

    [Theory]
    [InlineData(59.9)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    public void Decode_ShortedOrUnreadable_IsFault(double ohm)
    {
        Assert.Equal(new CableRating(ProximityStatus.Fault, 0.0), ProximityPilotTable.Decode(ohm));
    }
}
