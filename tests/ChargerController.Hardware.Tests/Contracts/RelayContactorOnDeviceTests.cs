using ChargerController.Hardware.Abstractions.Contactor;

namespace ChargerController.Hardware.Tests.Contracts;

[Trait("Category", "OnDevice")]
public sealed class RelayContactorOnDeviceTests : ContactorContractTests, IDisposable
{
    private readonly OnDeviceJig jig = new();

    protected override IContactor Contactor => jig.Devices.Contactor;

    public void Dispose() => jig.Dispose();

    protected override Task WaitAsync(TimeSpan duration) => Task.Delay(duration);
}
