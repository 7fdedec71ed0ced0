using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Simulator;

public sealed class SimulatedRfidReaderTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task Tap_Hex_YieldsInOrderWithTheClockTime()
    {
        var reader = new SimulatedRfidReader(time);
        reader.Tap("04A1B2C3D4E5F6");
        time.Advance(TimeSpan.FromSeconds(5));
        reader.Tap([1, 2, 3, 4, 5], CardTechnology.Em4100);

        var reads = new List<CardRead>();
        await foreach (var read in reader.ReadCardsAsync(CancellationToken.None))
        {
            reads.Add(read);
            if (reads.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(new byte[] { 0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6 }, reads[0].Uid);
        Assert.Equal(CardTechnology.Em4100, reads[1].Technology);
        Assert.Equal(TimeSpan.FromSeconds(5), reads[1].Timestamp - reads[0].Timestamp);
    }

    [Theory]
    [InlineData(3, CardTechnology.Iso14443A)]
    [InlineData(7, CardTechnology.Iso15693)]
    [InlineData(4, CardTechnology.Em4100)]
    public void Tap_UidLengthNotFittingTheTechnology_Throws(int length, CardTechnology technology)
    {
        var reader = new SimulatedRfidReader(time);

        Assert.Throws<ArgumentException>(() => reader.Tap(new byte[length], technology));
    }
}
