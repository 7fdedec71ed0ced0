using ChargerController.Hardware.Adc;
using ChargerController.Hardware.Tests.Ports;

namespace ChargerController.Hardware.Tests.Adc;

public sealed class Mcp3x08Tests
{
    [Theory]
    [InlineData(0, new byte[] { 0x01, 0x80, 0x00 })]
    [InlineData(1, new byte[] { 0x01, 0x90, 0x00 })]
    [InlineData(5, new byte[] { 0x01, 0xD0, 0x00 })]
    [InlineData(7, new byte[] { 0x01, 0xF0, 0x00 })]
    public void Mcp3008_ReadCount_SendsStartSingleEndedChannelBytes(int channel, byte[] expected)
    {
        var spi = new FakeSpiTransfer(new FakeMcp3x08(10, _ => 0x2AA).Answer);
        var adc = new Mcp3008(spi, 3.3);

        adc.ReadCount(channel);

        Assert.Equal(expected, Assert.Single(spi.Sent));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(512)]
    [InlineData(0x2AA)]
    [InlineData(0x155)]
    [InlineData(1023)]
    public void Mcp3008_ReadCount_DecodesTheTenBitsAfterTheNullBit(int code)
    {
        var model = new FakeMcp3x08(10, ch => ch == 3 ? code : 0);
        var adc = new Mcp3008(new FakeSpiTransfer(model.Answer), 3.3);

        Assert.Equal(code, adc.ReadCount(3));
        Assert.Equal([3], model.Channels);
    }

    [Theory]
    [InlineData(0, new byte[] { 0x06, 0x00, 0x00 })]
    [InlineData(3, new byte[] { 0x06, 0xC0, 0x00 })]
    [InlineData(4, new byte[] { 0x07, 0x00, 0x00 })]
    [InlineData(7, new byte[] { 0x07, 0xC0, 0x00 })]
    public void Mcp3208_ReadCount_SendsStartSingleEndedChannelBytes(int channel, byte[] expected)
    {
        var spi = new FakeSpiTransfer(new FakeMcp3x08(12, _ => 0).Answer);
        var adc = new Mcp3208(spi, 3.3);

        adc.ReadCount(channel);

        Assert.Equal(expected, Assert.Single(spi.Sent));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0xAAA)]
    [InlineData(0x555)]
    [InlineData(4095)]
    public void Mcp3208_ReadCount_DecodesTwelveBits(int code)
    {
        var model = new FakeMcp3x08(12, ch => ch == 6 ? code : 0);
        var adc = new Mcp3208(new FakeSpiTransfer(model.Answer), 3.3);

        Assert.Equal(code, adc.ReadCount(6));
        Assert.Equal([6], model.Channels);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void ReadCount_NoSuchChannel_Throws(int channel)
    {
        var spi = new FakeSpiTransfer(_ => [0, 0, 0]);

        Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp3008(spi, 3.3).ReadCount(channel));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp3208(spi, 3.3).ReadCount(channel));
        Assert.Empty(spi.Sent);
    }

    [Fact]
    public async Task AdcChannelInput_ConvertsTheAverageCodeToVolts()
    {
        var codes = new Queue<int>([600, 602, 604, 606]);
        var adc = new Mcp3008(new FakeSpiTransfer(new FakeMcp3x08(10, _ => codes.Dequeue()).Answer), 3.3);

        var volts = await new AdcChannelInput(adc, 1, samples: 4).ReadVoltsAsync(CancellationToken.None);

        Assert.Equal(603 * 3.3 / 1024, volts, 9);
    }

    [Fact]
    public void Dispose_OwnsPortByDefaultButNotWhenTold()
    {
        var owned = new FakeSpiTransfer(_ => [0, 0, 0]);
        var shared = new FakeSpiTransfer(_ => [0, 0, 0]);

        new Mcp3008(owned, 3.3).Dispose();
        new Mcp3208(shared, 3.3, ownsPort: false).Dispose();

        Assert.True(owned.Disposed);
        Assert.False(shared.Disposed);
    }
}
