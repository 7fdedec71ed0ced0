using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

/// <summary>
/// An ADS1115 register model from the datasheet: a pointer register selects conversion (0) or config (1); writing
/// config with OS = 1 starts a single-shot conversion, during which OS reads 0 for <see cref="BusyPolls"/> reads.
/// </summary>
public sealed class FakeAds1115(Func<int, short> rawOfChannel) : II2cTransfer
{
    private byte pointer;
    private ushort config = 0x8583;
    private short conversion;
    private int busy;

    public int BusyPolls { get; set; } = 1;

    public List<byte[]> Writes { get; } = [];

    public bool Disposed { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        Writes.Add(data.ToArray());
        Assert.InRange(data.Length, 1, 3);
        pointer = data[0];
        Assert.InRange(pointer, 0, 3);
        if (data.Length == 3 && pointer == 1)
        {
            config = (ushort)((data[1] << 8) | data[2]);
            if ((config & 0x8000) != 0)
            {
                var mux = (config >> 12) & 0x7;
                Assert.True(mux >= 4, "single-ended MUX codes are 100–111");
                conversion = rawOfChannel(mux - 4);
                busy = BusyPolls;
            }
        }
    }

    public void Read(Span<byte> data)
    {
        Assert.Equal(2, data.Length);
        ushort value;
        if (pointer == 1)
        {
            var os = busy > 0 ? 0 : 0x8000;
            busy = Math.Max(0, busy - 1);
            value = (ushort)((config & 0x7FFF) | os);
        }
        else
        {
            value = (ushort)conversion;
        }

        data[0] = (byte)(value >> 8);
        data[1] = (byte)value;
    }

    public void Dispose() => Disposed = true;
}
