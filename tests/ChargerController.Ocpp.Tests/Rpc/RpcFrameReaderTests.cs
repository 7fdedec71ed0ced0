using System.Text;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Tests.Rpc;

/// <summary>Reading the five message types and diagnosing broken frames.</summary>
public sealed class RpcFrameReaderTests
{
    [Fact]
    public void Read_Call_AllFields()
    {
        var result = RpcFrameReader.Read("""[2, "19223201", "BootNotification", {"reason": "PowerUp"}]"""u8);
        Assert.Equal(RpcReadStatus.Frame, result.Status);
        var frame = result.Frame!;
        Assert.Equal(RpcMessageType.Call, frame.MessageType);
        Assert.Equal("19223201", frame.MessageId);
        Assert.Equal("BootNotification", frame.Action);
        Assert.Equal("PowerUp", frame.Payload.GetProperty("reason").GetString());
    }

    [Fact]
    public void Read_CallResult()
    {
        var frame = RpcFrameReader.Read("""[3,"a",{"status":"Accepted"}]"""u8).Frame!;
        Assert.Equal(RpcMessageType.CallResult, frame.MessageType);
        Assert.Null(frame.Action);
        Assert.Equal("Accepted", frame.Payload.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""[4,"a","NotSupported","nope",{"k":1}]""", RpcMessageType.CallError, RpcErrorCode.NotSupported)]
    [InlineData("""[5,"a","FormatViolation","",{}]""", RpcMessageType.CallResultError, RpcErrorCode.FormatViolation)]
    [InlineData("""[4,"a","NotAThing","",{}]""", RpcMessageType.CallError, RpcErrorCode.GenericError)]
    [InlineData("""[4,"a","3","",{}]""", RpcMessageType.CallError, RpcErrorCode.GenericError)]
    [InlineData("""[4,"a","NotImplemented,NotSupported","",{}]""", RpcMessageType.CallError, RpcErrorCode.GenericError)]
    [InlineData("""[4,"a","notsupported","",{}]""", RpcMessageType.CallError, RpcErrorCode.GenericError)]
    [InlineData("""[4,"a","InternalError","no details"]""", RpcMessageType.CallError, RpcErrorCode.InternalError)]
    [InlineData("""[4,"a","InternalError","null details",null]""", RpcMessageType.CallError, RpcErrorCode.InternalError)]
    public void Read_Errors_CodeParsedLeniently(string json, RpcMessageType type, RpcErrorCode code)
    {
        var result = RpcFrameReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal(RpcReadStatus.Frame, result.Status);
        Assert.Equal(type, result.Frame!.MessageType);
        Assert.Equal(code, result.Frame.ErrorCode);
    }

    [Fact]
    public void Read_Send()
    {
        var frame = RpcFrameReader.Read("""[6,"19223201","NotifyPeriodicEventStream",{"id":123,"pending":0}]"""u8).Frame!;
        Assert.Equal(RpcMessageType.Send, frame.MessageType);
        Assert.Equal("NotifyPeriodicEventStream", frame.Action);
    }

    [Fact]
    public void Read_UnknownType_NotParsedFurther()
    {
        var result = RpcFrameReader.Read("""[8,"x",{"whatever":[1,2,3]}, "more", 1]"""u8);
        Assert.Equal(RpcReadStatus.UnknownMessageType, result.Status);
        Assert.Equal(8, result.MessageTypeNumber);
        Assert.Equal("x", result.MessageId);
    }

    [Theory]
    [InlineData("", null, null, RpcErrorCode.RpcFrameworkError)]
    [InlineData("   ", null, null, RpcErrorCode.RpcFrameworkError)]
    [InlineData("[2.5,\"a\",\"B\",{}]", null, null, RpcErrorCode.RpcFrameworkError)]
    [InlineData("[2,\"\",\"B\",{}]", 2, "", RpcErrorCode.RpcFrameworkError)]
    [InlineData("[2,\"a\",\"\",{}]", 2, "a", RpcErrorCode.RpcFrameworkError)]
    [InlineData("[2,\"a\",\"B\",{}", 2, "a", RpcErrorCode.FormatViolation)]
    [InlineData("[2,\"a\",\"B\",null]", 2, "a", RpcErrorCode.FormatViolation)]
    [InlineData("[3,\"a\"]", 3, "a", RpcErrorCode.FormatViolation)]
    [InlineData("[4,\"a\",\"GenericError\"]", 4, "a", RpcErrorCode.RpcFrameworkError)]
    [InlineData("[2,\"a\",\"B\",{}] [1]", 2, "a", RpcErrorCode.FormatViolation)]
    [InlineData("[2,\"a\",\"B\",{} // comment\n]", 2, "a", RpcErrorCode.FormatViolation)]
    public void Read_Malformed_DiagnosisWithSalvagedTypeAndId(string json, int? type, string? id, RpcErrorCode code)
    {
        var result = RpcFrameReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal(RpcReadStatus.Malformed, result.Status);
        Assert.Equal(type, result.MessageTypeNumber);
        Assert.Equal(id, result.MessageId);
        Assert.Equal(code, result.ErrorCode);
        Assert.False(string.IsNullOrEmpty(result.ErrorDescription));
    }

    [Fact]
    public void Read_DeeplyNested_MalformedNotStackOverflow()
    {
        var json = "[2,\"deep\",\"B\"," + new string('[', 100_000) + new string(']', 100_000) + "]";
        var result = RpcFrameReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal(RpcReadStatus.Malformed, result.Status);
        Assert.Equal("deep", result.MessageId);
    }

    [Fact]
    public void Read_InvalidUtf8InPayload_FormatViolationWithId()
    {
        var bytes = Encoding.UTF8.GetBytes("[2,\"id-7\",\"B\",{\"t\":\"ab\"}]");
        bytes[^4] = 0xFF;
        var result = RpcFrameReader.Read(bytes);
        Assert.Equal(RpcReadStatus.Malformed, result.Status);
        Assert.Equal("id-7", result.MessageId);
        Assert.Equal(RpcErrorCode.FormatViolation, result.ErrorCode);
    }

    [Fact]
    public void ReadOversized_SalvagesIdFromPrefix()
    {
        var result = RpcFrameReader.ReadOversized("[2,\"big\",\"DataTransfer\",{\"data\":\"aaaa"u8);
        Assert.Equal(2, result.MessageTypeNumber);
        Assert.Equal("big", result.MessageId);
        Assert.Equal("DataTransfer", result.Action);
        Assert.Equal(RpcErrorCode.FormatViolation, result.ErrorCode);
    }

    [Fact]
    public void Read_WriterOutput_RoundTrips()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        RpcFrameWriter.WriteError(output, RpcMessageType.CallResultError, "r", RpcErrorCode.OccurrenceConstraintViolation, "é ü \"quoted\"");
        var frame = RpcFrameReader.Read(output.WrittenSpan).Frame!;
        Assert.Equal(RpcErrorCode.OccurrenceConstraintViolation, frame.ErrorCode);
        Assert.Equal("é ü \"quoted\"", frame.ErrorDescription);
    }
}
