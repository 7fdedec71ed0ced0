using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Tests.Modbus;

namespace ChargerController.Hardware.Tests.Meters;

/// <summary>An IModbusMaster answering from an emulated slave without a line, counting transactions; can be told to fail.</summary>
public sealed class InMemoryModbusMaster(ModbusSlaveLogic slave) : IModbusMaster
{
    public string PortName => "/dev/memory";

    public int Transactions { get; private set; }

    public List<(ModbusFunctionCode Function, ushort Start, ushort Count)> Reads { get; } = [];

    public ModbusErrorKind? Fail { get; set; }

    public ValueTask<ushort[]> ReadRegistersAsync(byte slaveAddress, ModbusFunctionCode functionCode, ushort startAddress, ushort count, CancellationToken cancellationToken)
    {
        Transactions++;
        Reads.Add((functionCode, startAddress, count));
        if (Fail is { } kind)
        {
            throw new ModbusException(kind, slaveAddress, functionCode, $"injected {kind}", kind == ModbusErrorKind.SlaveException ? ModbusExceptionCode.IllegalDataAddress : null);
        }

        var answer = slave.Respond(ModbusRtuFrames.BuildReadRequest(slaveAddress, functionCode, startAddress, count))
            ?? throw new ModbusException(ModbusErrorKind.Timeout, slaveAddress, functionCode, "no answer");
        if ((answer[1] & 0x80) != 0)
        {
            throw new ModbusException(ModbusErrorKind.SlaveException, slaveAddress, functionCode, "exception", (ModbusExceptionCode)answer[2]);
        }

        return ValueTask.FromResult(ModbusRtuFrames.TryDecodeReadResponse(answer, count)!);
    }

    public ValueTask WriteSingleRegisterAsync(byte slaveAddress, ushort address, ushort value, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask WriteMultipleRegistersAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken) => throw new NotSupportedException();
}
