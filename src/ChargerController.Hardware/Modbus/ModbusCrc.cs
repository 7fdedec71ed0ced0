namespace ChargerController.Hardware.Modbus;

/// <summary>CRC-16/MODBUS: polynomial 0x8005 reflected (0xA001), initial value 0xFFFF, no final XOR; sent low byte first.</summary>
public static class ModbusCrc
{
    /// <summary>Computes the CRC of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes to protect (slave address through the last data byte).</param>
    /// <returns>The CRC value; transmit <c>crc &amp; 0xFF</c> first, then <c>crc &gt;&gt; 8</c>.</returns>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    /// <summary>Checks a whole frame whose last two bytes are its CRC (low byte first).</summary>
    /// <param name="frame">Address, function, data and CRC.</param>
    /// <returns>Whether the CRC matches; running the CRC over data plus CRC yields 0 exactly when it does.</returns>
    public static bool IsValidFrame(ReadOnlySpan<byte> frame) => frame.Length >= 4 && Compute(frame) == 0;

    /// <summary>Writes the CRC of <paramref name="frame"/>[..^2] into its last two bytes.</summary>
    /// <param name="frame">A frame with two bytes reserved at the end.</param>
    public static void Append(Span<byte> frame)
    {
        var crc = Compute(frame[..^2]);
        frame[^2] = (byte)(crc & 0xFF);
        frame[^1] = (byte)(crc >> 8);
    }
}
