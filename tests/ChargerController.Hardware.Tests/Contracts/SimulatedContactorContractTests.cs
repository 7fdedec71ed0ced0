using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedContactorContractTests : ContactorContractTests
{
    private readonly FakeTimeProvider time = new();

    public SimulatedContactorContractTests() => Contactor = new SimulatedContactor(time);

    protected override IContactor Contactor { get; }

    protected override Task WaitAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
