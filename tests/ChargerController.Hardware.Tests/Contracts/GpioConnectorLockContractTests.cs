using ChargerController.Hardware.Abstractions.ConnectorLock;
using ChargerController.Hardware.ConnectorLock;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The real driver on fake ports driving a bistable actuator model: a lock pulse sets it, an unlock pulse resets it.</summary>
public sealed class GpioConnectorLockContractTests : ConnectorLockContractTests
{
    private readonly FakeTimeProvider time = new();
    private bool position;

    public GpioConnectorLockContractTests()
    {
        var lockOut = new CallbackDigitalOutput(on => position |= on);
        var unlockOut = new CallbackDigitalOutput(on => position &= !on);
        ConnectorLock = new GpioConnectorLock(lockOut, unlockOut, new FakeDigitalInput(() => position), new GpioConnectorLockOptions(), time);
    }

    protected override IConnectorLock ConnectorLock { get; }

    protected override Task<T> RunAsync<T>(Func<ValueTask<T>> operation) => FakeClock.RunAsync(time, operation);
}
