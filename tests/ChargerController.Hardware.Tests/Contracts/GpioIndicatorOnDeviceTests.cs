using ChargerController.Hardware.Abstractions.Indicators;

namespace ChargerController.Hardware.Tests.Contracts;

[Trait("Category", "OnDevice")]
public sealed class GpioIndicatorOnDeviceTests : IndicatorContractTests, IDisposable
{
    private readonly OnDeviceJig jig = new();

    protected override IIndicator Indicator => jig.Devices.Indicators.Count > 0
        ? jig.Devices.Indicators[0]
        : throw new InvalidOperationException("The board profile has no indicators.");

    public void Dispose() => jig.Dispose();

    protected override Task WaitAsync(TimeSpan duration) => Task.Delay(duration);
}
