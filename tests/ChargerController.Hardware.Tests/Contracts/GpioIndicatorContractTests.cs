using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Hardware.Indicators;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class GpioIndicatorContractTests : IndicatorContractTests
{
    private readonly FakeTimeProvider time = new();

    private readonly FakeDigitalOutput output = new();

    public GpioIndicatorContractTests() => Indicator = new GpioIndicator(IndicatorRole.Fault, output, time);

    protected override IIndicator Indicator { get; }

    [Fact]
    public void BlinkFast_TogglesEvery125Ms()
    {
        Indicator.Show(IndicatorPattern.BlinkFast);
        output.Writes.Clear();

        for (var i = 0; i < 8; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(125));
        }

        Assert.Equal([false, true, false, true, false, true, false, true], output.Writes);
    }

    [Fact]
    public void Show_AfterBlink_StopsTheTimer()
    {
        Indicator.Show(IndicatorPattern.BlinkSlow);
        Indicator.Show(IndicatorPattern.On);
        output.Writes.Clear();

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(output.Writes);
        Assert.True(Indicator.IsActive);
    }

    [Fact]
    public void Dispose_SwitchesOffAndReleasesThePort()
    {
        Indicator.Show(IndicatorPattern.On);

        ((IDisposable)Indicator).Dispose();

        Assert.False(output.Value);
        Assert.True(output.Disposed);
    }

    protected override Task WaitAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
