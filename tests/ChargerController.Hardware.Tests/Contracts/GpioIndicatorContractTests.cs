using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Hardware.Indicators;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class GpioIndicatorContractTests : IndicatorContractTests
{
    private readonly FakeTimeProvider time = new();

    public GpioIndicatorContractTests() => Indicator = new GpioIndicator(IndicatorRole.Fault, new FakeDigitalOutput(), time);

    protected override IIndicator Indicator { get; }

    protected override Task WaitAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
