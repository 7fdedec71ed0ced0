using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse.Iec61851;

namespace ChargerController.Station.Tests.Evse.Iec61851;

public sealed class CurrentLimitsTests
{
    [Theory]
    [InlineData(32, 32, 13, double.PositiveInfinity, 13)] // PP 13 A cable caps at 21.7 %
    [InlineData(16, 32, 32, double.PositiveInfinity, 16)]
    [InlineData(32, 20, 32, 10, 10)]
    [InlineData(32, 32, 63, 0, 0)]
    [InlineData(32, 32, double.NaN, 20, 0)]
    [InlineData(32, 32, 32, -5, 0)]
    public void EffectiveA_IsTheMinimum(double hw, double cfg, double cable, double ext, double expected) =>
        Assert.Equal(expected, new CurrentLimits(hw, cfg, cable, ext).EffectiveA);

    [Fact]
    public void TryGetDutyCycle_ThirteenAmpCable_Gives21Point7Percent()
    {
        Assert.True(new CurrentLimits(32, 32, 13, double.PositiveInfinity).TryGetDutyCycle(out var duty));
        Assert.Equal(21.67, duty, 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5.5)]
    public void TryGetDutyCycle_BelowSixAmps_Pauses(double limit)
    {
        Assert.False(new CurrentLimits(32, 32, 32, limit).TryGetDutyCycle(out var duty));
        Assert.Equal(100, duty);
    }

    [Fact]
    public void TryGetDutyCycle_AboveEightyAmps_CapsAtEighty()
    {
        Assert.True(new CurrentLimits(125, 125, double.PositiveInfinity, double.PositiveInfinity).TryGetDutyCycle(out var duty));
        Assert.Equal(DutyCycle.FromCurrent(80), duty);
    }
}
