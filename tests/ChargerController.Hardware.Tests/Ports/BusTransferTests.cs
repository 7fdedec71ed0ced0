using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

public sealed class BusTransferTests
{
    [Fact]
    public void Spi_TransferFullDuplex_PassesBytesBothWays()
    {
        var device = new FakeSpiDevice();
        using var spi = new SpiDeviceTransfer(device);
        var rx = new byte[3];

        spi.TransferFullDuplex([0x01, 0x80, 0x00], rx);

        Assert.Equal(new byte[] { 0x01, 0x80, 0x00 }, Assert.Single(device.Transfers));
        Assert.Equal(new byte[] { 0xFE, 0x7F, 0xFF }, rx);
    }

    [Fact]
    public void Spi_DifferentBufferLengths_Throws()
    {
        using var spi = new SpiDeviceTransfer(new FakeSpiDevice());

        Assert.Throws<ArgumentException>(() => spi.TransferFullDuplex([1, 2, 3], new byte[2]));
    }

    [Fact]
    public void I2c_WriteAndRead_PassThrough()
    {
        var device = new FakeI2cDevice { NextRead = [0x12, 0x34] };
        using var i2c = new I2cDeviceTransfer(device);
        var data = new byte[2];

        i2c.Write([0x01, 0xC3, 0xE3]);
        i2c.Read(data);

        Assert.Equal(new byte[] { 0x01, 0xC3, 0xE3 }, Assert.Single(device.Written));
        Assert.Equal(new byte[] { 0x12, 0x34 }, data);
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x78)]
    public void I2c_Open_ReservedAddress_ThrowsBeforeTouchingTheBus(int address)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => I2cDeviceTransfer.Open(1, address));
    }

    [Fact]
    public void Spi_Open_BadMode_ThrowsBeforeTouchingTheBus()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpiDeviceTransfer.Open(0, 0, 1_000_000, 4));
    }
}
