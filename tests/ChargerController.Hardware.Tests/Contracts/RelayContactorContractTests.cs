using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Hardware.Contactor;
using ChargerController.Hardware.Tests.Ports;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The real driver on fake ports whose mirror inputs follow the coils, as an NC auxiliary contact does.</summary>
public sealed class RelayContactorContractTests : ContactorContractTests
{
    public RelayContactorContractTests()
    {
        var k1 = new FakeDigitalOutput();
        var k2 = new FakeDigitalOutput();
        Contactor = new RelayContactor(k1, k2, new FakeDigitalInput(() => !k1.Value), new FakeDigitalInput(() => !k2.Value));
    }

    protected override IContactor Contactor { get; }

    protected override Task WaitAsync(TimeSpan duration) => Task.CompletedTask;
}
