using ChargerController.Hardware.Abstractions.Rcd;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedResidualCurrentMonitorContractTests : ResidualCurrentMonitorContractTests
{
    private readonly FakeTimeProvider time = new();

    public SimulatedResidualCurrentMonitorContractTests() => Monitor = new SimulatedResidualCurrentMonitor(time);

    protected override IResidualCurrentMonitor Monitor { get; }

    protected override TimeProvider Time => time;

    protected override Task<T> RunAsync<T>(Func<ValueTask<T>> operation) => FakeClock.RunAsync(time, operation);
}
