using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedRfidReaderContractTests : RfidReaderContractTests
{
    private readonly SimulatedRfidReader reader = new(new FakeTimeProvider());

    protected override IRfidReader Reader => reader;

    protected override Task PresentCardAsync(byte[] uid)
    {
        reader.Tap(uid);
        return Task.CompletedTask;
    }
}
