using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ChargerController.Ocpp.Rpc;

namespace ChargerController.Benchmarks.Rpc;

/// <summary>Cost of the OCPP-J envelope per frame: read (parse + payload copy) and write, small and meter-sized.</summary>
[MemoryDiagnoser]
public class RpcFrameBenchmarks
{
    private static readonly byte[] BootCall = Encoding.UTF8.GetBytes(
        """[2,"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"SingleSocketCharger","vendorName":"VendorX","serialNumber":"SN-000123","firmwareVersion":"1.4.2"}}]""");

    private static readonly byte[] MeterPayload = BuildMeterPayload();

    private static readonly byte[] MeterCall = Encoding.UTF8.GetBytes("[2,\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"TransactionEvent\"," + Encoding.UTF8.GetString(MeterPayload) + "]");

    private readonly ArrayBufferWriter<byte> _output = new(4096);

    [Benchmark]
    public RpcFrame? ReadBootNotificationCall() => RpcFrameReader.Read(BootCall).Frame;

    [Benchmark]
    public RpcFrame? ReadTransactionEventCall2KB() => RpcFrameReader.Read(MeterCall).Frame;

    [Benchmark]
    public int WriteTransactionEventCall2KB()
    {
        _output.ResetWrittenCount();
        RpcFrameWriter.WriteRequest(_output, RpcMessageType.Call, "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "TransactionEvent", MeterPayload);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteCallError()
    {
        _output.ResetWrittenCount();
        RpcFrameWriter.WriteError(_output, RpcMessageType.CallError, "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", RpcErrorCode.NotSupported, "SetDisplayMessage not supported");
        return _output.WrittenCount;
    }

    private static byte[] BuildMeterPayload()
    {
        var values = string.Join(",", Enumerable.Range(0, 12).Select(i =>
            $$$"""{"timestamp":"2025-01-01T12:{{{i:00}}}:00Z","sampledValue":[{"value":{{{1000 + i}}}.5,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh"}},{"value":230.1,"measurand":"Voltage","phase":"L1"}]}"""));
        return Encoding.UTF8.GetBytes($$"""{"eventType":"Updated","timestamp":"2025-01-01T12:00:00Z","triggerReason":"MeterValuePeriodic","seqNo":7,"transactionInfo":{"transactionId":"tx-42"},"meterValue":[{{values}}]}""");
    }
}
