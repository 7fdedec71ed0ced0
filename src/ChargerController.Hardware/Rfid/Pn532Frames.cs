namespace ChargerController.Hardware.Rfid;

/// <summary>
/// PN532 host-interface framing (pure): <c>00 | 00 FF | LEN | LCS | TFI | PD0…PDn | DCS | 00</c> with
/// (LEN + LCS) and (TFI + PD… + DCS) both 0 modulo 256 (UM0701 §6.2.1; REFERENCE 5.2).
/// </summary>
public static class Pn532Frames
{
    /// <summary>Frame identifier host → PN532.</summary>
    public const byte HostToPn532 = 0xD4;

    /// <summary>Frame identifier PN532 → host.</summary>
    public const byte Pn532ToHost = 0xD5;

    /// <summary>Command GetFirmwareVersion.</summary>
    public const byte GetFirmwareVersion = 0x02;

    /// <summary>Command SAMConfiguration.</summary>
    public const byte SamConfiguration = 0x14;

    /// <summary>Command RFConfiguration.</summary>
    public const byte RfConfiguration = 0x32;

    /// <summary>Command InListPassiveTarget.</summary>
    public const byte InListPassiveTarget = 0x4A;

    /// <summary>The ACK frame; the host sends it to abort a running command.</summary>
    public static ReadOnlySpan<byte> Ack => [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];

    /// <summary>The NACK frame.</summary>
    public static ReadOnlySpan<byte> Nack => [0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>HSU wake-up from power-down: 0x55 0x55 then a run of zeros long enough for the oscillator to start (UM0701 §7.2.11).</summary>
    public static ReadOnlySpan<byte> WakeUp => [0x55, 0x55, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Builds a normal information frame carrying a command.</summary>
    /// <param name="command">Command code.</param>
    /// <param name="parameters">Command parameters (at most 252 bytes).</param>
    /// <returns>The frame.</returns>
    public static byte[] BuildCommand(byte command, ReadOnlySpan<byte> parameters)
    {
        if (parameters.Length > 252)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Length, "A normal frame carries at most 252 parameter bytes.");
        }

        var length = (byte)(2 + parameters.Length);
        var frame = new byte[length + 7];
        frame[0] = 0x00;
        frame[1] = 0x00;
        frame[2] = 0xFF;
        frame[3] = length;
        frame[4] = (byte)(0x100 - length);
        frame[5] = HostToPn532;
        frame[6] = command;
        parameters.CopyTo(frame.AsSpan(7));
        var sum = 0;
        foreach (var b in frame.AsSpan(5, length))
        {
            sum += b;
        }

        frame[5 + length] = (byte)(0x100 - (sum & 0xFF));
        frame[6 + length] = 0x00;
        return frame;
    }

    /// <summary>Finds the first complete frame in received bytes, skipping noise before it.</summary>
    /// <param name="buffer">Bytes received so far.</param>
    /// <param name="frame">The frame found.</param>
    /// <param name="consumed">Bytes to drop from the front of the buffer (noise and the frame); set even when no frame is complete.</param>
    /// <returns>Whether a frame (possibly <see cref="Pn532FrameKind.Corrupt"/>) was found.</returns>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out Pn532ReceivedFrame? frame, out int consumed)
    {
        frame = null;
        var start = buffer.IndexOf([(byte)0x00, (byte)0xFF]);
        if (start < 0)
        {
            // Keep a trailing 0x00: it may be the first half of the next start code.
            consumed = buffer.Length > 0 && buffer[^1] == 0x00 ? buffer.Length - 1 : buffer.Length;
            return false;
        }

        consumed = start;
        var rest = buffer[(start + 2)..];
        if (rest.Length < 2)
        {
            return false;
        }

        if (rest[0] == 0x00 && rest[1] == 0xFF)
        {
            frame = new Pn532ReceivedFrame(Pn532FrameKind.Ack, []);
            consumed = start + 4;
            return true;
        }

        if (rest[0] == 0xFF && rest[1] == 0x00)
        {
            frame = new Pn532ReceivedFrame(Pn532FrameKind.Nack, []);
            consumed = start + 4;
            return true;
        }

        int length;
        int dataStart;
        if (rest[0] == 0xFF && rest[1] == 0xFF)
        {
            // Extended frame: 00 FF FF FF LENM LENL LCS TFI …
            if (rest.Length < 5)
            {
                return false;
            }

            if (((rest[2] + rest[3] + rest[4]) & 0xFF) != 0)
            {
                return Corrupt(start, out frame, out consumed);
            }

            length = (rest[2] << 8) | rest[3];
            dataStart = start + 7;
        }
        else
        {
            if (((rest[0] + rest[1]) & 0xFF) != 0)
            {
                return Corrupt(start, out frame, out consumed);
            }

            length = rest[0];
            dataStart = start + 4;
        }

        if (buffer.Length < dataStart + length + 1)
        {
            return false;
        }

        var data = buffer.Slice(dataStart, length);
        var sum = buffer[dataStart + length];
        foreach (var b in data)
        {
            sum += b;
        }

        consumed = dataStart + length + 1;
        if (buffer.Length > consumed && buffer[consumed] == 0x00)
        {
            consumed++;
        }

        if (sum != 0 || length == 0)
        {
            frame = new Pn532ReceivedFrame(Pn532FrameKind.Corrupt, []);
            return true;
        }

        frame = data[0] switch
        {
            0x7F => new Pn532ReceivedFrame(Pn532FrameKind.ApplicationError, []),
            Pn532ToHost when length >= 2 => new Pn532ReceivedFrame(Pn532FrameKind.Response, data[1..].ToArray()),
            _ => new Pn532ReceivedFrame(Pn532FrameKind.Corrupt, []),
        };
        return true;
    }

    private static bool Corrupt(int start, out Pn532ReceivedFrame? frame, out int consumed)
    {
        // Drop only the false start code so that a real frame starting inside the noise is still found.
        frame = new Pn532ReceivedFrame(Pn532FrameKind.Corrupt, []);
        consumed = start + 2;
        return true;
    }
}
