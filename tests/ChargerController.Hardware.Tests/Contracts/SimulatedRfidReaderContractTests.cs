using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>
/// The IRfidReader contract for the Simulator's reader, in virtual time. It models a debounced reader: presenting a card
/// is one tap, so a card held in the field is one read by construction.
/// </summary>
public sealed class SimulatedRfidReaderContractTests : RfidReaderContractTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
    private SimulatedRfidReader? reader;

    protected override TimeProvider Clock => time;

    protected override byte[] CardA => [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6];

    protected override byte[] CardB => [0x11, 0x22, 0x33, 0x44];

    protected override CardTechnology Technology => CardTechnology.Iso14443A;

    protected override IRfidReader CreateReader() => reader = new SimulatedRfidReader(time);

    protected override Task PresentAsync(byte[] uid)
    {
        _ = (reader ?? throw new InvalidOperationException("CreateReader first.")).Tap(uid);
        return Task.CompletedTask;
    }

    protected override Task RemoveCardAsync() => Task.CompletedTask;

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
