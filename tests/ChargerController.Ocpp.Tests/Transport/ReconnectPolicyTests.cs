using ChargerController.Ocpp.Transport;

namespace ChargerController.Ocpp.Tests.Transport;

/// <summary>Part 4 §5.4 back-off arithmetic (+ errata 2025-06 §4.1 reset).</summary>
public sealed class ReconnectPolicyTests
{
    [Fact]
    public void NextDelay_NoRandomRange_DoublesRepeatTimesThenStays()
    {
        var policy = new ReconnectPolicy(TimeSpan.FromSeconds(10), TimeSpan.Zero, 2, new Random(1));
        var delays = Enumerable.Range(0, 5).Select(_ => policy.NextDelay().TotalSeconds).ToArray();
        Assert.Equal([10, 20, 40, 40, 40], delays);
    }

    [Fact]
    public void Reset_AfterSuccessfulConnection_BackToMinimum()
    {
        var policy = new ReconnectPolicy(TimeSpan.FromSeconds(10), TimeSpan.Zero, 3, new Random(1));
        policy.NextDelay();
        policy.NextDelay();
        policy.Reset();
        Assert.Equal(TimeSpan.FromSeconds(10), policy.NextDelay());
        Assert.Equal(1, policy.Attempt);
    }

    [Fact]
    public void NextDelay_RandomRange_NewRandomPartEachTimeWithinRange()
    {
        var policy = new ReconnectPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 1, new Random(42));
        var jitters = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            var baseDelay = TimeSpan.FromSeconds(i == 0 ? 10 : 20);
            var delay = policy.NextDelay();
            Assert.InRange(delay, baseDelay, baseDelay + TimeSpan.FromSeconds(5));
            jitters.Add(delay - baseDelay);
        }

        Assert.True(jitters.Distinct().Count() > 10);
    }

    [Fact]
    public void NextDelay_HugeRepeatTimes_CappedNotOverflowing()
    {
        var policy = new ReconnectPolicy(TimeSpan.FromSeconds(10), TimeSpan.Zero, int.MaxValue, new Random(1));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(policy.NextDelay() <= TimeSpan.FromDays(1));
        }
    }
}
