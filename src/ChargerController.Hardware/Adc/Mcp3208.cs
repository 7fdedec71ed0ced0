using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Adc;

/// <summary>
/// Microchip MCP3208: 12-bit, 8-channel SAR ADC on SPI. Byte-aligned 3-byte transfer per the datasheet's
/// microcontroller SPI section: out <c>0b00000 1 SGL D2</c>, <c>D1 D0 xxxxxx</c>, <c>0x00</c>; in: the null bit and
/// B11–B8 in the low nibble of byte 1, B7–B0 in byte 2.
/// </summary>
public sealed class Mcp3208 : IMultiChannelAdc, IDisposable
{
    private readonly ISpiTransfer spi;
    private readonly bool ownsPort;

    /// <summary>Creates the driver.</summary>
    /// <param name="spi">The SPI device (≤ 1 MHz at 2.7 V, ≤ 2 MHz at 5 V).</param>
    /// <param name="referenceV">V<sub>REF</sub>, volts.</param>
    /// <param name="ownsPort">Whether disposing the driver disposes <paramref name="spi"/>.</param>
    public Mcp3208(ISpiTransfer spi, double referenceV, bool ownsPort = true)
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
    public int Codes => 4096;

    /// <inheritdoc />
    public double ReferenceV { get; }

    /// <inheritdoc />
    public int ReadCount(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 7);
        Span<byte> tx = [(byte)(0x06 | (channel >> 2)), (byte)((channel & 0x03) << 6), 0x00];
        Span<byte> rx = stackalloc byte[3];
        spi.TransferFullDuplex(tx, rx);
        return ((rx[1] & 0x0F) << 8) | rx[2];
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
