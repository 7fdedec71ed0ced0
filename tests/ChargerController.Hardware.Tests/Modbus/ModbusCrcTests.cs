using System.Text;
using ChargerController.Hardware.Modbus;

namespace ChargerController.Hardware.Tests.Modbus;

public sealed class ModbusCrcTests
{
    // Known CRC-16/MODBUS vectors: the catalogue check value for "123456789" and classic request frames.
    [Theory]
    [InlineData("313233343536373839", 0x4B37)]
    [InlineData("01030000000A", 0xCDC5)]
    [InlineData("010400000002", 0xCB71)]
    [InlineData("1103006B0003", 0x8776)]
    [InlineData("010400480002", 0xDDF1)]
    [InlineData("010600010003", 0x0B98)]
    public void Compute_KnownVectors_MatchCatalogue(string hex, int expected)
    {
        Assert.Equal((ushort)expected, ModbusCrc.Compute(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Compute_AsciiCheckString_Is4B37()
    {
        Assert.Equal(0x4B37, ModbusCrc.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Append_WritesLowByteFirst()
    {
        var frame = new byte[] { 0x01, 0x04, 0x00, 0x00, 0x00, 0x02, 0, 0 };
        ModbusCrc.Append(frame);
        Assert.Equal("01040000000271CB", Convert.ToHexString(frame));
    }

    [Fact]
    public void IsValidFrame_ResponseCarrying230_5V_IsValid_AndOneFlippedBitIsNot()
    {
        var frame = Convert.FromHexString("010404436680006FDF");
        Assert.True(ModbusCrc.IsValidFrame(frame));
        frame[4] ^= 0x01;
        Assert.False(ModbusCrc.IsValidFrame(frame));
        Assert.False(ModbusCrc.IsValidFrame([0x01, 0x02]));
    }
}
