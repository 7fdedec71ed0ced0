using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Adc;

/// <summary>
/// Microchip MCP3008: 10-bit, 8-channel SAR ADC on SPI (modes 0,0 or 1,1). One conversion is one 3-byte full-duplex
/// transfer aligned to bytes as the datasheet's "Using the MCP3004/3008 with microcontroller SPI ports" section shows:
/// out <c>0x01</c> (start bit), <c>SGL/DIFF D2 D1 D0</c> in the high nibble, <c>0x00</c>; in: the null bit and B9–B8 in
/// the low bits of byte 1, B7–B0 in byte 2.
/// </summary>
public sealed class Mcp3008 : IMultiChannelAdc, IDisposable
{
    private readonly ISpiTransfer spi;
    private readonly bool ownsPort;

    /// <summary>Creates the driver.</summary>
    /// <param name="spi">The SPI device (≤ 1.35 MHz at 2.7 V, ≤ 3.6 MHz at 5 V).</param>
    /// <param name="referenceV">V<sub>REF</sub>, volts.</param>
    /// <param name="ownsPort">Whether disposing the driver disposes <paramref name="spi"/>.</param>
    public Mcp3008(ISpiTransfer spi, double referenceV, bool ownsPort = true)
    {
        ArgumentNullException.ThrowIfNull(spi);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referenceV);
        this.spi = spi;
        ReferenceV = referenceV;
        this.ownsPort = ownsPort;
    }

    /// <inheritdoc />
    public int ChannelCount => 8;

    /// <inheritdoc />
    public int Codes => 1024;

    /// <inheritdoc />
    public double ReferenceV { get; }

    /// <inheritdoc />
    public int ReadCount(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 7);
        Span<byte> tx = [0x01, (byte)(0x80 | (channel << 4)), 0x00];
        Span<byte> rx = stackalloc byte[3];
        spi.TransferFullDuplex(tx, rx);
        return ((rx[1] & 0x03) << 8) | rx[2];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsPort)
        {
            spi.Dispose();
        }
    }
}
