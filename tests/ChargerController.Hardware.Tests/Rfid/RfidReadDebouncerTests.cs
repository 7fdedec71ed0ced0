using ChargerController.Hardware.Rfid;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Rfid;

public sealed class RfidReadDebouncerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void SameCardHeldOnTheReader_IsReportedOnce()
    {
        var debouncer = new RfidReadDebouncer(TimeSpan.FromSeconds(2), _time);
        Assert.True(debouncer.ShouldReport([1, 2, 3, 4]));
        for (var i = 0; i < 50; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(200));
            Assert.False(debouncer.ShouldReport([1, 2, 3, 4]));
        }
    }

    [Fact]
    public void SameCardAfterAbsenceLongerThanWindow_IsReportedAgain()
    {
        var debouncer = new RfidReadDebouncer(TimeSpan.FromSeconds(2), _time);
        Assert.True(debouncer.ShouldReport([1, 2, 3, 4]));
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(debouncer.ShouldReport([1, 2, 3, 4]));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(debouncer.ShouldReport([1, 2, 3, 4]));
    }

    [Fact]
    public void DifferentCard_IsReportedAtOnce()
    {
        var debouncer = new RfidReadDebouncer(TimeSpan.FromSeconds(2), _time);
        Assert.True(debouncer.ShouldReport([1, 2, 3, 4]));
        Assert.True(debouncer.ShouldReport([9, 9, 9, 9]));
        Assert.True(debouncer.ShouldReport([1, 2, 3, 4]));
    }
}
