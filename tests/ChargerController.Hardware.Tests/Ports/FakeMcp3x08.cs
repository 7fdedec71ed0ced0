namespace ChargerController.Hardware.Tests.Ports;

/// <summary>
/// An MCP3008 (10-bit) or MCP3208 (12-bit) on the wire, written from the datasheets' SPI timing independently of the
/// drivers: after the start bit come SGL/DIFF and D2–D0; the input is sampled during the next clock; the null bit is
/// clocked out on the falling edge of the 5th clock after the start bit (read by the master on the 6th), then the
/// result MSB first, one bit per clock.
/// </summary>
public sealed class FakeMcp3x08(int resolutionBits, Func<int, int> codeOfChannel)
{
    public List<int> Channels { get; } = [];

    public byte[] Answer(byte[] tx)
    {
        var bitsIn = tx.SelectMany(b => Enumerable.Range(0, 8).Select(i => (b >> (7 - i)) & 1)).ToArray();
        var rxBits = new int[bitsIn.Length];
        var start = Array.IndexOf(bitsIn, 1);
        Assert.True(start >= 0 && start + 6 + resolutionBits < bitsIn.Length + 1, "transfer too short for a full conversion");
        Assert.True(bitsIn[start + 1] == 1, "driver must request a single-ended conversion");
        var channel = (bitsIn[start + 2] << 2) | (bitsIn[start + 3] << 1) | bitsIn[start + 4];
        Channels.Add(channel);
        var code = codeOfChannel(channel);
        Assert.InRange(code, 0, (1 << resolutionBits) - 1);

        var nullBit = start + 6;
        rxBits[nullBit] = 0;
        for (var i = 0; i < resolutionBits; i++)
        {
            rxBits[nullBit + 1 + i] = (code >> (resolutionBits - 1 - i)) & 1;
        }

        // Before the null bit MISO is high-impedance; pull-ups make those bits read 1 on real boards.
        for (var i = 0; i < nullBit; i++)
        {
            rxBits[i] = 1;
        }

        var rx = new byte[tx.Length];
        for (var i = 0; i < rxBits.Length; i++)
        {
            rx[i / 8] |= (byte)(rxBits[i] << (7 - (i % 8)));
        }

        return rx;
    }
}
