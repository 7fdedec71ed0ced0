using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedIndicatorContractTests : IndicatorContractTests
{
    private readonly FakeTimeProvider time = new();

    public SimulatedIndicatorContractTests() => Indicator = new SimulatedIndicator(IndicatorRole.Ready, time);

    protected override IIndicator Indicator { get; }

    protected override Task WaitAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
