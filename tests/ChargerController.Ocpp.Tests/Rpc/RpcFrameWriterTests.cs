using System.Buffers;
using System.Text;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Ocpp.Tests.Rpc;

/// <summary>Golden frames: the exact bytes of each of the five message types (Part 4 §4.2).</summary>
public sealed class RpcFrameWriterTests
{
    [Fact]
    public void WriteRequest_Call_GoldenFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        RpcFrameWriter.WriteRequest(output, RpcMessageType.Call, "19223201", "BootNotification", """{"reason":"PowerUp","chargingStation":{"model":"SingleSocketCharger","vendorName":"VendorX"}}"""u8);
        Assert.Equal("""[2,"19223201","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"SingleSocketCharger","vendorName":"VendorX"}}]""", Text(output));
    }

    [Fact]
    public void WriteCallResult_GoldenFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        RpcFrameWriter.WriteCallResult(output, "19223201", """{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}"""u8);
        Assert.Equal("""[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}]""", Text(output));
    }

    [Fact]
    public void WriteError_CallError_GoldenFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        RpcFrameWriter.WriteError(output, RpcMessageType.CallError, "162376037", RpcErrorCode.NotSupported, "SetDisplayMessageRequest not supported");
        Assert.Equal("""[4,"162376037","NotSupported","SetDisplayMessageRequest not supported",{}]""", Text(output));
    }

    [Fact]
    public void WriteError_CallResultError_GoldenFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        RpcFrameWriter.WriteError(output, RpcMessageType.CallResultError, "19223201", RpcErrorCode.TypeConstraintViolation, "interval is not an integer", """{"path":"/interval"}"""u8);
        Assert.Equal("""[5,"19223201","TypeConstraintViolation","interval is not an integer",{"path":"/interval"}]""", Text(output));
    }

    [Fact]
    public void WriteRequest_Send_GoldenFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        RpcFrameWriter.WriteRequest(output, RpcMessageType.Send, "19223201", "NotifyPeriodicEventStream", """{"id":123,"pending":0,"basetime":"2024-08-27T12:30:40Z","data":[{"t":0,"v":"230.4"},{"t":5,"v":"230.2"}]}"""u8);
        Assert.Equal("""[6,"19223201","NotifyPeriodicEventStream",{"id":123,"pending":0,"basetime":"2024-08-27T12:30:40Z","data":[{"t":0,"v":"230.4"},{"t":5,"v":"230.2"}]}]""", Text(output));
    }

    [Fact]
    public void WriteError_LongDescription_TruncatedTo255()
    {
        var output = new ArrayBufferWriter<byte>();
        RpcFrameWriter.WriteError(output, RpcMessageType.CallError, "-1", RpcErrorCode.RpcFrameworkError, new string('x', 400));
        var frame = System.Text.Json.JsonDocument.Parse(output.WrittenMemory).RootElement;
        Assert.Equal(255, frame[3].GetString()!.Length);
    }

    [Fact]
    public void WriteRequest_InvalidArguments_Throw()
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Throws<ArgumentException>(() => RpcFrameWriter.WriteRequest(output, RpcMessageType.Call, new string('1', 37), "Heartbeat", "{}"u8));
        Assert.Throws<ArgumentException>(() => RpcFrameWriter.WriteRequest(output, RpcMessageType.CallResult, "1", "Heartbeat", "{}"u8));
        Assert.Throws<ArgumentException>(() => RpcFrameWriter.WriteRequest(output, RpcMessageType.Call, "1", "Heartbeat", "{oops"u8));
    }

    [Fact]
    public void ErrorCodeText_EveryCode_IsItsMemberName()
    {
        foreach (var code in Enum.GetValues<RpcErrorCode>())
        {
            Assert.Equal(code.ToString(), RpcFrameWriter.ErrorCodeText(code));
        }
    }

    private static string Text(ArrayBufferWriter<byte> output) => Encoding.UTF8.GetString(output.WrittenSpan);
}
