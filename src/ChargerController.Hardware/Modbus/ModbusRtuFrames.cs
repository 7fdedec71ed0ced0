using System.Buffers.Binary;

namespace ChargerController.Hardware.Modbus;

/// <summary>Builds RTU request frames and checks response frames (pure functions; the master does the I/O).</summary>
public static class ModbusRtuFrames
{
    /// <summary>Largest register count per read request (Application Protocol §6.3: 125).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Largest register count per write-multiple request (§6.12: 123).</summary>
    public const int MaxWriteRegisters = 123;

    /// <summary>Length of an exception response: address, function | 0x80, code, CRC.</summary>
    public const int ExceptionResponseLength = 5;

    /// <summary>Builds a read request (0x03/0x04): address, function, start, count, CRC (8 bytes).</summary>
    /// <param name="slaveAddress">Slave address 1–247.</param>
    /// <param name="functionCode">0x03 or 0x04.</param>
    /// <param name="startAddress">First register.</param>
    /// <param name="count">Register count 1–125.</param>
    /// <returns>The frame.</returns>
    public static byte[] BuildReadRequest(byte slaveAddress, ModbusFunctionCode functionCode, ushort startAddress, ushort count)
    {
        var frame = new byte[8];
        frame[0] = slaveAddress;
        frame[1] = (byte)functionCode;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), startAddress);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), count);
        ModbusCrc.Append(frame);
        return frame;
    }

    /// <summary>Builds a write-single-register request (0x06), 8 bytes.</summary>
    /// <param name="slaveAddress">Slave address 0–247.</param>
    /// <param name="address">Register.</param>
    /// <param name="value">Value.</param>
    /// <returns>The frame.</returns>
    public static byte[] BuildWriteSingleRequest(byte slaveAddress, ushort address, ushort value)
    {
        var frame = new byte[8];
        frame[0] = slaveAddress;
        frame[1] = (byte)ModbusFunctionCode.WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), address);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), value);
        ModbusCrc.Append(frame);
        return frame;
    }

    /// <summary>Builds a write-multiple-registers request (0x10), 9 + 2·N bytes.</summary>
    /// <param name="slaveAddress">Slave address 0–247.</param>
    /// <param name="startAddress">First register.</param>
    /// <param name="values">1–123 values.</param>
    /// <returns>The frame.</returns>
    public static byte[] BuildWriteMultipleRequest(byte slaveAddress, ushort startAddress, ReadOnlySpan<ushort> values)
    {
        var frame = new byte[9 + (2 * values.Length)];
        frame[0] = slaveAddress;
        frame[1] = (byte)ModbusFunctionCode.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), startAddress);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)values.Length);
        frame[6] = (byte)(2 * values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(7 + (2 * i)), values[i]);
        }

        ModbusCrc.Append(frame);
        return frame;
    }

    /// <summary>Length of the normal response to a request, known before it arrives (framing by length, not by silence).</summary>
    /// <param name="functionCode">The request's function.</param>
    /// <param name="count">Registers requested (reads) or written.</param>
    /// <returns>Bytes including the CRC.</returns>
    public static int ExpectedResponseLength(ModbusFunctionCode functionCode, int count) => functionCode switch
    {
        ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters => 5 + (2 * count),
        ModbusFunctionCode.WriteSingleRegister or ModbusFunctionCode.WriteMultipleRegisters => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(functionCode), functionCode, "Unsupported function code."),
    };

    /// <summary>Decodes the registers of a read response whose CRC, address and function were checked.</summary>
    /// <param name="response">The whole response frame.</param>
    /// <param name="count">Registers requested.</param>
    /// <returns>The registers, or <see langword="null"/> when the byte count does not match the request.</returns>
    public static ushort[]? TryDecodeReadResponse(ReadOnlySpan<byte> response, int count)
    {
        if (response.Length != 5 + (2 * count) || response[2] != 2 * count)
        {
            return null;
        }

        var registers = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(response[(3 + (2 * i))..]);
        }

        return registers;
    }
}
