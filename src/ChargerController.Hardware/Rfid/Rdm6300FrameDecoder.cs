namespace ChargerController.Hardware.Rfid;

/// <summary>
/// Incremental decoder of RDM6300 frames: STX (0x02), 10 ASCII hex digits (version byte + 32-bit tag id), 2 ASCII hex
/// digits of checksum (XOR of the 5 data bytes), ETX (0x03). Noise, partial frames and bad checksums are dropped and the
/// decoder resynchronises on the next STX.
/// </summary>
public sealed class Rdm6300FrameDecoder
{
    private const byte Stx = 0x02;
    private const byte Etx = 0x03;
    private const int HexDigits = 12;

    private readonly byte[] _digits = new byte[HexDigits];
    private int _count = -1;

    /// <summary>Frames dropped so far (bad hex digit, bad checksum, missing ETX).</summary>
    public int RejectedFrames { get; private set; }

    /// <summary>Feeds one received byte.</summary>
    /// <param name="value">The byte.</param>
    /// <returns>The 5-byte tag id (version byte first) when this byte completed a valid frame; otherwise <see langword="null"/>.</returns>
    public byte[]? Push(byte value)
    {
        if (value == Stx)
        {
            // An STX inside a frame means the previous one was cut short: start over (esphome does the same).
            if (_count > 0)
            {
                RejectedFrames++;
            }

            _count = 0;
            return null;
        }

        if (_count < 0)
        {
            return null;
        }

        if (_count < HexDigits)
        {
            if (!Uri.IsHexDigit((char)value))
            {
                RejectedFrames++;
                _count = -1;
                return null;
            }

            _digits[_count++] = value;
            return null;
        }

        _count = -1;
        if (value != Etx)
        {
            RejectedFrames++;
            return null;
        }

        var data = new byte[5];
        byte checksum = 0;
        for (var i = 0; i < 5; i++)
        {
            data[i] = HexByte(_digits[2 * i], _digits[(2 * i) + 1]);
            checksum ^= data[i];
        }

        if (checksum != HexByte(_digits[10], _digits[11]))
        {
            RejectedFrames++;
            return null;
        }

        return data;
    }

    private static byte HexByte(byte high, byte low) => (byte)((Uri.FromHex((char)high) << 4) | Uri.FromHex((char)low));
}
