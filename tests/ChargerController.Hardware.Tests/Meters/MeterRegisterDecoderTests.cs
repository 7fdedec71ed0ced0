using ChargerController.Hardware.Meters;

namespace ChargerController.Hardware.Tests.Meters;

public sealed class MeterRegisterDecoderTests
{
    [Fact]
    public void Float32_BothWordOrders_Decode230_5()
    {
        Assert.Equal(230.5, MeterRegisterDecoder.Decode([0x4366, 0x8000], MeterRegisterType.Float32, MeterWordOrder.Abcd));
        Assert.Equal(230.5, MeterRegisterDecoder.Decode([0x8000, 0x4366], MeterRegisterType.Float32, MeterWordOrder.Cdab));
        Assert.Equal(230.5, MeterRegisterDecoder.Decode([0x6643, 0x0080], MeterRegisterType.Float32, MeterWordOrder.Badc));
        Assert.Equal(230.5, MeterRegisterDecoder.Decode([0x0080, 0x6643], MeterRegisterType.Float32, MeterWordOrder.Dcba));
    }

    [Fact]
    public void Int32Cdab_CarloGavazziVoltage_Decodes2300()
    {
        Assert.Equal(2300, MeterRegisterDecoder.Decode([0x08FC, 0x0000], MeterRegisterType.Int32, MeterWordOrder.Cdab));
        Assert.Equal(-2, MeterRegisterDecoder.Decode([0xFFFE, 0xFFFF], MeterRegisterType.Int32, MeterWordOrder.Cdab));
    }

    [Fact]
    public void UInt64Abcd_AbbEnergyCounter_Decodes()
    {
        Assert.Equal(0x0000_0001_0000_0002UL, (ulong)MeterRegisterDecoder.Decode([0, 1, 0, 2], MeterRegisterType.UInt64, MeterWordOrder.Abcd));
    }

    [Theory]
    [InlineData(MeterRegisterType.UInt32, new ushort[] { 0xFFFF, 0xFFFF })]
    [InlineData(MeterRegisterType.Int32, new ushort[] { 0x7FFF, 0xFFFF })]
    [InlineData(MeterRegisterType.UInt16, new ushort[] { 0xFFFF })]
    [InlineData(MeterRegisterType.Int16, new ushort[] { 0x7FFF })]
    [InlineData(MeterRegisterType.Float32, new ushort[] { 0x7FC0, 0x0000 })]
    public void NoValuePatterns_DecodeToNaN(MeterRegisterType type, ushort[] registers)
    {
        Assert.True(double.IsNaN(MeterRegisterDecoder.Decode(registers, type, MeterWordOrder.Abcd)));
    }

    [Theory]
    [InlineData(MeterRegisterType.Int16, -1234)]
    [InlineData(MeterRegisterType.UInt16, 50001)]
    [InlineData(MeterRegisterType.Int32, -123456789)]
    [InlineData(MeterRegisterType.UInt32, 4000000000)]
    [InlineData(MeterRegisterType.Int64, -9000000000)]
    [InlineData(MeterRegisterType.UInt64, 9000000000)]
    [InlineData(MeterRegisterType.Float32, 49.98)]
    [InlineData(MeterRegisterType.Float64, 12345.678901)]
    public void EncodeThenDecode_RoundTripsInEveryWordOrder(MeterRegisterType type, double value)
    {
        foreach (var order in Enum.GetValues<MeterWordOrder>())
        {
            var registers = MeterRegisterDecoder.Encode(value, type, order);
            Assert.Equal(value, MeterRegisterDecoder.Decode(registers, type, order), type == MeterRegisterType.Float32 ? 4 : 9);
        }
    }
}
