using ChargerController.Hardware.Abstractions.ConnectorLock;

namespace ChargerController.Hardware.Tests.Contracts;

[Trait("Category", "OnDevice")]
public sealed class GpioConnectorLockOnDeviceTests : ConnectorLockContractTests, IDisposable
{
    private readonly OnDeviceJig jig = new();

    protected override IConnectorLock ConnectorLock => OnDeviceJig.Required(jig.Devices.ConnectorLock, "connectorLock");

    public void Dispose() => jig.Dispose();

    protected override async Task<T> RunAsync<T>(Func<ValueTask<T>> operation) => await operation();
}
