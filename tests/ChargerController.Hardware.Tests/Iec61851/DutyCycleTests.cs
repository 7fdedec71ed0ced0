using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Tests.Iec61851;

public sealed class DutyCycleTests
{
    [Theory]
    [InlineData(6.0, 10.0)]
    [InlineData(10.0, 16.6667)]
    [InlineData(13.0, 21.6667)]
    [InlineData(16.0, 26.6667)]
    [InlineData(32.0, 53.3333)]
    [InlineData(48.0, 80.0)]
    [InlineData(51.0, 85.0)]
    [InlineData(52.5, 85.0)]
    [InlineData(63.0, 89.2)]
    [InlineData(70.0, 92.0)]
    [InlineData(80.0, 96.0)]
    public void FromCurrent_BothRanges_MatchesIec61851Table(double currentA, double expectedPercent)
    {
        Assert.Equal(expectedPercent, DutyCycle.FromCurrent(currentA), 3);
    }

    [Theory]
    [InlineData(51.5)]
    [InlineData(52.4)]
    public void FromCurrent_InTheGapBetweenRanges_ClampsDownTo51A(double currentA)
    {
        var duty = DutyCycle.FromCurrent(currentA);

        Assert.Equal(85.0, duty, 6);
        Assert.True(DutyCycle.ToCurrent(duty) <= currentA);
    }

    [Theory]
    [InlineData(5.99)]
    [InlineData(80.01)]
    [InlineData(double.NaN)]
    public void FromCurrent_OutsideSixToEightyAmps_Throws(double currentA)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DutyCycle.FromCurrent(currentA));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(5.8)]
    [InlineData(81.0)]
    [InlineData(double.NaN)]
    public void TryFromCurrent_NotAnnounceable_ReturnsFalseAndHundredPercent(double currentA)
    {
        Assert.False(DutyCycle.TryFromCurrent(currentA, out var duty));
        Assert.Equal(100.0, duty);
    }

    [Fact]
    public void TryFromCurrent_JustBelowSixAmpsWithinTolerance_AnnouncesSixAmps()
    {
        Assert.True(DutyCycle.TryFromCurrent(5.95, out var duty));
        Assert.Equal(10.0, duty, 6);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(5.0, 0.0)]
    [InlineData(7.99, 0.0)]
    [InlineData(8.0, 6.0)]
    [InlineData(9.5, 6.0)]
    [InlineData(10.0, 6.0)]
    [InlineData(26.6667, 16.0)]
    [InlineData(85.0, 51.0)]
    [InlineData(85.5, 53.75)]
    [InlineData(90.0, 65.0)]
    [InlineData(96.0, 80.0)]
    [InlineData(96.5, 80.0)]
    [InlineData(97.0, 80.0)]
    [InlineData(97.5, 0.0)]
    [InlineData(100.0, 0.0)]
    public void ToCurrent_EvSideTable_IncludingEdges(double dutyPercent, double expectedA)
    {
        Assert.Equal(expectedA, DutyCycle.ToCurrent(dutyPercent), 3);
    }

    [Theory]
    [InlineData(6.0)]
    [InlineData(16.0)]
    [InlineData(32.0)]
    [InlineData(51.0)]
    [InlineData(53.0)]
    [InlineData(63.0)]
    [InlineData(80.0)]
    public void RoundTrip_EvseDutyReadByEv_GivesTheOfferedCurrent(double currentA)
    {
        Assert.Equal(currentA, DutyCycle.ToCurrent(DutyCycle.FromCurrent(currentA)), 6);
    }

    [Theory]
    [InlineData(5.0, true)]
    [InlineData(3.0, true)]
    [InlineData(7.0, true)]
    [InlineData(2.9, false)]
    [InlineData(10.0, false)]
    [InlineData(100.0, false)]
    public void RequestsHighLevelCommunication_FivePercentBand(double dutyPercent, bool expected)
    {
        Assert.Equal(expected, DutyCycle.RequestsHighLevelCommunication(dutyPercent));
        if (expected)
        {
            Assert.Equal(0.0, DutyCycle.ToCurrent(dutyPercent));
        }
    }
}
