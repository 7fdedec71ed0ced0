using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Station.Safety;
using ChargerController.Station.Tests.Fakes;

namespace ChargerController.Station.Tests.Safety;

public sealed class RcdSelfTestSequenceTests
{
    private static RcdSelfTestResult Run(FakeResidualCurrentMonitor rcd, Action<int>? atStep = null)
    {
        var seq = new RcdSelfTestSequence(rcd);
        if (seq.Start(TimeSpan.Zero) is { } immediate)
        {
            return immediate;
        }

        for (var i = 1; i < 1000; i++)
        {
            atStep?.Invoke(i);
            if (seq.Step(TimeSpan.FromMilliseconds(10 * i)) is { } result)
            {
                Assert.False(rcd.TestActive);
                return result;
            }
        }

        throw new InvalidOperationException("never ended");
    }

    [Fact]
    public void Healthy_Passes() => Assert.Equal(RcdSelfTestResult.Passed, Run(new FakeResidualCurrentMonitor()));

    [Fact]
    public void BrokenTestInput_NoTripOnTest() =>
        Assert.Equal(RcdSelfTestResult.NoTripOnTest, Run(new FakeResidualCurrentMonitor { TestInputBroken = true }));

    [Fact]
    public void AlreadyTripped_TrippedBeforeTest() =>
        Assert.Equal(RcdSelfTestResult.TrippedBeforeTest, Run(new FakeResidualCurrentMonitor { Tripped = true }));

    [Fact]
    public void StuckAfterTest_TripDidNotClear()
    {
        var rcd = new FakeResidualCurrentMonitor();
        Assert.Equal(RcdSelfTestResult.TripDidNotClear, Run(rcd, i => rcd.Tripped = i > 1));
    }

    [Fact]
    public void NoTestInput_NotSupported() =>
        Assert.Equal(RcdSelfTestResult.NotSupported, Run(new FakeResidualCurrentMonitor(supportsSelfTest: false)));

    [Fact]
    public void ReadThrows_ReleasesTheTestInputAndPropagates()
    {
        var rcd = new FakeResidualCurrentMonitor { TestInputBroken = true };
        var seq = new RcdSelfTestSequence(rcd);
        seq.Start(TimeSpan.Zero);
        rcd.ThrowOnRead = new IOException("input");
        Assert.Throws<IOException>(() => seq.Step(TimeSpan.FromMilliseconds(10)));
        Assert.False(rcd.TestActive);
        Assert.False(seq.Running);
    }
}
