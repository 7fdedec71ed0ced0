using ChargerController.Hardware.Abstractions.Indicators;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>What every <see cref="IIndicator"/> must do, simulated or real (house rule 11).</summary>
public abstract class IndicatorContractTests
{
    protected abstract IIndicator Indicator { get; }

    protected abstract Task WaitAsync(TimeSpan duration);

    [ContractFact]
    public void New_IsOff()
    {
        Assert.Equal(IndicatorPattern.Off, Indicator.Pattern);
        Assert.False(Indicator.IsActive);
    }

    [ContractFact]
    public void Show_OnThenOff_DrivesTheOutput()
    {
        Indicator.Show(IndicatorPattern.On);
        Assert.True(Indicator.IsActive);
        Assert.Equal(IndicatorPattern.On, Indicator.Pattern);

        Indicator.Show(IndicatorPattern.Off);
        Assert.False(Indicator.IsActive);
    }

    [ContractFact]
    public async Task Show_BlinkSlow_TogglesEveryHalfSecond()
    {
        Indicator.Show(IndicatorPattern.BlinkSlow);
        await WaitAsync(TimeSpan.FromMilliseconds(250));
        var first = Indicator.IsActive;
        await WaitAsync(TimeSpan.FromMilliseconds(500));
        var second = Indicator.IsActive;
        Indicator.Show(IndicatorPattern.Off);

        Assert.True(first);
        Assert.False(second);
    }

    [ContractFact]
    public async Task Pulse_SwitchesOnThenOff()
    {
        Indicator.Pulse(TimeSpan.FromMilliseconds(200));
        await WaitAsync(TimeSpan.FromMilliseconds(50));
        var during = Indicator.IsActive;
        await WaitAsync(TimeSpan.FromMilliseconds(300));

        Assert.True(during);
        Assert.False(Indicator.IsActive);
        Assert.Equal(IndicatorPattern.Off, Indicator.Pattern);
    }

    [ContractFact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Indicator.Show((IndicatorPattern)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indicator.Pulse(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indicator.Pulse(TimeSpan.FromMinutes(1)));
    }
}
