using ChargerController.Hardware.Rfid;

namespace ChargerController.Hardware.Tests.Pty;

/// <summary>A PN532 in HSU mode on a pseudo-terminal: ACKs each command frame and answers 0x02/0x14/0x32/0x4A.</summary>
public sealed class Pn532Responder : PtyDeviceLoop
{
    private readonly List<byte> _buffer = [];
    private readonly Lock _gate = new();
    private readonly List<byte> _commands = [];
    private byte[]? _cardUid;

    public Pn532Responder(PseudoTerminal pty)
        : base(pty)
    {
        Start();
    }

    /// <summary>The card in the field, or null.</summary>
    public byte[]? CardUid
    {
        get { lock (_gate) { return _cardUid; } }
        set { lock (_gate) { _cardUid = value; } }
    }

    public bool Silent { get; set; }

    public int NackNext { get; set; }

    public int CorruptNextResponses { get; set; }

    public List<byte> Commands
    {
        get { lock (_gate) { return [.. _commands]; } }
    }

    public int AcksReceived { get; private set; }

    public static byte[] ResponseFrame(params byte[] payload)
    {
        // payload = response code + data; TFI D5 is added here.
        var length = (byte)(payload.Length + 1);
        var sum = 0xD5 + payload.Sum(b => b);
        return [0x00, 0x00, 0xFF, length, (byte)(0x100 - length), 0xD5, .. payload, (byte)(0x100 - (sum & 0xFF)), 0x00];
    }

    protected override void OnReceived(ReadOnlySpan<byte> data)
    {
        _buffer.AddRange(data);
        while (true)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buffer);
            var start = span.IndexOf([(byte)0x00, (byte)0xFF]);
            if (start < 0 || span.Length < start + 4)
            {
                return;
            }

            var len = span[start + 2];
            var lcs = span[start + 3];
            if (len == 0x00 && lcs == 0xFF)
            {
                AcksReceived++;
                _buffer.RemoveRange(0, start + 4);
                continue;
            }

            if (((len + lcs) & 0xFF) != 0)
            {
                _buffer.RemoveRange(0, start + 2);
                continue;
            }

            if (span.Length < start + 4 + len + 1)
            {
                return;
            }

            var frame = span.Slice(start + 4, len).ToArray();
            _buffer.RemoveRange(0, start + 4 + len + 1);
            if (frame.Length < 2 || frame[0] != Pn532Frames.HostToPn532)
            {
                continue;
            }

            Handle(frame[1], frame[2..]);
        }
    }

    private void Handle(byte command, byte[] parameters)
    {
        lock (_gate)
        {
            _commands.Add(command);
        }

        if (Silent)
        {
            return;
        }

        if (NackNext > 0)
        {
            NackNext--;
            Pty.Write(Pn532Frames.Nack);
            return;
        }

        Pty.Write(Pn532Frames.Ack);
        byte[] response = command switch
        {
            Pn532Frames.GetFirmwareVersion => ResponseFrame(0x03, 0x32, 0x01, 0x06, 0x07),
            Pn532Frames.InListPassiveTarget when CardUid is { } uid => ResponseFrame([0x4B, 0x01, 0x01, 0x00, 0x04, 0x08, (byte)uid.Length, .. uid]),
            Pn532Frames.InListPassiveTarget => ResponseFrame(0x4B, 0x00),
            _ => ResponseFrame((byte)(command + 1)),
        };
        if (CorruptNextResponses > 0)
        {
            CorruptNextResponses--;
            response[^2] ^= 0xFF;
        }

        Pty.Write(response);
    }
}
