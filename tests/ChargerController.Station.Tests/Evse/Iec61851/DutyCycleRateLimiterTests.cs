using ChargerController.Station.Evse.Iec61851;

namespace ChargerController.Station.Tests.Evse.Iec61851;

public sealed class DutyCycleRateLimiterTests
{
    private static TimeSpan S(double s) => TimeSpan.FromSeconds(s);

    [Fact]
    public void Next_Increase_WaitsForTheInterval()
    {
        var limiter = new DutyCycleRateLimiter(S(5));
        Assert.Equal(20, limiter.Next(20, S(0)));
        Assert.Equal(20, limiter.Next(30, S(1)));
        Assert.Equal(20, limiter.Next(30, S(4.99)));
        Assert.Equal(30, limiter.Next(30, S(5)));
    }

    [Fact]
    public void Next_Decrease_IsImmediateAndRestartsTheInterval()
    {
        var limiter = new DutyCycleRateLimiter(S(5));
        limiter.Next(30, S(0));
        Assert.Equal(15, limiter.Next(15, S(1)));
        Assert.Equal(15, limiter.Next(30, S(5.5)));
        Assert.Equal(30, limiter.Next(30, S(6)));
    }

    [Fact]
    public void Next_StartAfterStop_IsImmediate()
    {
        var limiter = new DutyCycleRateLimiter(S(5));
        limiter.Next(20, S(0));
        Assert.Null(limiter.Next(null, S(1)));
        Assert.Equal(50, limiter.Next(50, S(1.01)));
    }
}
