using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedConnectorLockContractTests : ConnectorLockContractTests
{
    private readonly FakeTimeProvider time = new();

    public SimulatedConnectorLockContractTests() => ConnectorLock = new SimulatedConnectorLock(time);

    protected override IConnectorLock ConnectorLock { get; }

    protected override Task<T> RunAsync<T>(Func<ValueTask<T>> operation) => FakeClock.RunAsync(time, operation);
}
