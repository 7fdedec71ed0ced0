using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedMeterContractTests : EnergyMeterContractTests
{
    private readonly FakeTimeProvider time = new();

    public SimulatedMeterContractTests() =>
        Meter = new SimulatedMeter(time, new SimulatedEv(time), new SimulatedContactor(time));

    protected override IEnergyMeter Meter { get; }

    protected override Task WaitAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
