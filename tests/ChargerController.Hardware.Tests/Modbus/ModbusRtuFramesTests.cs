using ChargerController.Hardware.Modbus;

namespace ChargerController.Hardware.Tests.Modbus;

public sealed class ModbusRtuFramesTests
{
    [Fact]
    public void BuildReadRequest_SdmVoltageL1_MatchesWireBytes()
    {
        Assert.Equal("01040000000271CB", Convert.ToHexString(ModbusRtuFrames.BuildReadRequest(1, ModbusFunctionCode.ReadInputRegisters, 0, 2)));
        Assert.Equal("1103006B00037687", Convert.ToHexString(ModbusRtuFrames.BuildReadRequest(0x11, ModbusFunctionCode.ReadHoldingRegisters, 0x6B, 3)));
    }

    [Fact]
    public void BuildWriteSingleRequest_MatchesWireBytes()
    {
        Assert.Equal("010600010003980B", Convert.ToHexString(ModbusRtuFrames.BuildWriteSingleRequest(1, 1, 3)));
    }

    [Fact]
    public void BuildWriteMultipleRequest_HasByteCountAndValidCrc()
    {
        var frame = ModbusRtuFrames.BuildWriteMultipleRequest(1, 0x10, [0x000A, 0x0102]);
        Assert.Equal("01100010000204000A0102", Convert.ToHexString(frame)[..22]);
        Assert.Equal(13, frame.Length);
        Assert.True(ModbusCrc.IsValidFrame(frame));
    }

    [Theory]
    [InlineData(ModbusFunctionCode.ReadInputRegisters, 2, 9)]
    [InlineData(ModbusFunctionCode.ReadHoldingRegisters, 76, 157)]
    [InlineData(ModbusFunctionCode.WriteSingleRegister, 1, 8)]
    [InlineData(ModbusFunctionCode.WriteMultipleRegisters, 10, 8)]
    public void ExpectedResponseLength_ByFunction(ModbusFunctionCode function, int count, int length)
    {
        Assert.Equal(length, ModbusRtuFrames.ExpectedResponseLength(function, count));
    }

    [Fact]
    public void TryDecodeReadResponse_FloatAnswer_GivesRegisters_AndRejectsWrongByteCount()
    {
        var frame = Convert.FromHexString("010404436680006FDF");
        Assert.Equal(new ushort[] { 0x4366, 0x8000 }, ModbusRtuFrames.TryDecodeReadResponse(frame, 2));
        Assert.Null(ModbusRtuFrames.TryDecodeReadResponse(frame, 3));
    }
}
