using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The same contract for one contactor without K2 and without mirror contact.</summary>
public sealed class SimulatedSingleContactorContractTests : ContactorContractTests
{
    private readonly FakeTimeProvider time = new();

    public SimulatedSingleContactorContractTests() =>
        Contactor = new SimulatedContactor(time, new SimulatedContactorOptions { SupportsPhaseSwitching = false, HasFeedback = false });

    protected override IContactor Contactor { get; }

    protected override Task WaitAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
