using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Adc;

/// <summary>
/// Microchip MCP3208: 12-bit, 8-channel SAR ADC on SPI. Command per the datasheet's microcontroller SPI section:
/// out <c>0b00000 1 SGL D2</c>, <c>D1 D0 xxxxxx</c>, <c>0x00</c>; in: the null bit and B11–B8 in the low nibble of
/// byte 1, B7–B0 in byte 2.
/// </summary>
public sealed class Mcp3208 : Mcp3x08
{
    /// <summary>Creates the driver.</summary>
    /// <param name="spi">The SPI device (≤ 1 MHz at 2.7 V, ≤ 2 MHz at 5 V).</param>
    /// <param name="referenceV">V<sub>REF</sub>, volts.</param>
    /// <param name="ownsPort">Whether disposing the driver disposes <paramref name="spi"/>.</param>
    public Mcp3208(ISpiTransfer spi, double referenceV, bool ownsPort = true)
        : base(spi, referenceV, ownsPort)
    {
    }

    /// <inheritdoc />
    public override int Codes => 4096;

    /// <inheritdoc />
    private protected override void EncodeSingleEndedCommand(int channel, Span<byte> tx)
    {
        tx[0] = (byte)(0x06 | (channel >> 2));
        tx[1] = (byte)((channel & 0x03) << 6);
        tx[2] = 0x00;
    }
}
