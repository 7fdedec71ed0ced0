using System.Buffers.Binary;
using ChargerController.Hardware.Modbus;

namespace ChargerController.Hardware.Tests.Modbus;

/// <summary>The behaviour of an emulated Modbus RTU slave (a meter), independent of the line it sits on (fake link or pty).</summary>
public sealed class ModbusSlaveLogic
{
    private readonly Lock _gate = new();

    public ModbusSlaveLogic(byte address = 1) => Address = address;

    public byte Address { get; set; }

    public Dictionary<ushort, ushort> InputRegisters { get; } = [];

    public Dictionary<ushort, ushort> HoldingRegisters { get; } = [];

    /// <summary>Answer exception 0x02 when a requested register is not in the bank (otherwise unknown registers read 0).</summary>
    public bool StrictAddresses { get; set; }

    /// <summary>Never answer.</summary>
    public bool Silent { get; set; }

    /// <summary>Number of next answers to send with a broken CRC.</summary>
    public int CorruptAnswers { get; set; }

    /// <summary>Number of next answers to cut short (last 3 bytes missing).</summary>
    public int TruncateAnswers { get; set; }

    public int Requests { get; private set; }

    /// <summary>Expected length of a request starting with these bytes (needs at least 7 bytes for function 0x10), or 0 if unknown yet.</summary>
    public static int RequestLength(ReadOnlySpan<byte> buffer) => buffer.Length < 2 ? 0 : buffer[1] switch
    {
        0x03 or 0x04 or 0x06 => 8,
        0x10 => buffer.Length >= 7 ? 9 + buffer[6] : 0,
        _ => 8,
    };

    /// <summary>Answers a complete request frame; null = no answer.</summary>
    public byte[]? Respond(byte[] request)
    {
        lock (_gate)
        {
            if (request.Length < 8 || !ModbusCrc.IsValidFrame(request) || (request[0] != Address && request[0] != 0))
            {
                return null;
            }

            Requests++;
            if (Silent || request[0] == 0)
            {
                if (request[0] == 0)
                {
                    Apply(request);
                }

                return null;
            }

            var answer = Apply(request);
            if (CorruptAnswers > 0)
            {
                CorruptAnswers--;
                answer[^1] ^= 0x5A;
            }

            if (TruncateAnswers > 0)
            {
                TruncateAnswers--;
                answer = answer[..^3];
            }

            return answer;
        }
    }

    public void Load(ModbusFunctionCode function, ushort start, IEnumerable<ushort> registers)
    {
        var bank = function == ModbusFunctionCode.ReadInputRegisters ? InputRegisters : HoldingRegisters;
        var address = start;
        foreach (var r in registers)
        {
            bank[address++] = r;
        }
    }

    private static byte[] Frame(params byte[] body)
    {
        var frame = new byte[body.Length + 2];
        body.CopyTo(frame, 0);
        ModbusCrc.Append(frame);
        return frame;
    }

    private byte[] Apply(byte[] request)
    {
        var function = request[1];
        var start = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(2));
        var count = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(4));
        switch (function)
        {
            case 0x03 or 0x04:
                var bank = function == 0x04 ? InputRegisters : HoldingRegisters;
                if (count is 0 or > 125)
                {
                    return Frame(Address, (byte)(function | 0x80), 0x03);
                }

                var body = new byte[3 + (2 * count)];
                body[0] = Address;
                body[1] = function;
                body[2] = (byte)(2 * count);
                for (var i = 0; i < count; i++)
                {
                    var address = (ushort)(start + i);
                    if (!bank.TryGetValue(address, out var value) && StrictAddresses)
                    {
                        return Frame(Address, (byte)(function | 0x80), 0x02);
                    }

                    BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(3 + (2 * i)), value);
                }

                return Frame(body);
            case 0x06:
                HoldingRegisters[start] = count;
                return request.ToArray();
            case 0x10:
                for (var i = 0; i < count; i++)
                {
                    HoldingRegisters[(ushort)(start + i)] = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(7 + (2 * i)));
                }

                return Frame(request[..6]);
            default:
                return Frame(Address, (byte)(function | 0x80), 0x01);
        }
    }
}
