using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Tests.Modbus;

namespace ChargerController.Hardware.Tests.Pty;

/// <summary>A Modbus RTU slave on a real pseudo-terminal: frames requests by length + CRC and answers through <see cref="ModbusSlaveLogic"/>.</summary>
public sealed class ModbusSlaveEmulator : PtyDeviceLoop
{
    private readonly List<byte> _buffer = [];

    public ModbusSlaveEmulator(PseudoTerminal pty, ModbusSlaveLogic logic)
        : base(pty)
    {
        Logic = logic;
        Start();
    }

    public ModbusSlaveLogic Logic { get; }

    /// <summary>Extra bytes written before each answer (line noise).</summary>
    public byte[] NoiseBeforeAnswer { get; set; } = [];

    protected override void OnReceived(ReadOnlySpan<byte> data)
    {
        _buffer.AddRange(data);
        while (true)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buffer);
            var length = ModbusSlaveLogic.RequestLength(span);
            if (length == 0 || span.Length < length)
            {
                return;
            }

            if (!ModbusCrc.IsValidFrame(span[..length]))
            {
                _buffer.RemoveAt(0);
                continue;
            }

            var request = span[..length].ToArray();
            _buffer.RemoveRange(0, length);
            if (Logic.Respond(request) is { } answer)
            {
                Pty.Write([.. NoiseBeforeAnswer, .. answer]);
            }
        }
    }
}
