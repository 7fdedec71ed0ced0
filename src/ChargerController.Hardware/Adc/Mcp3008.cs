using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Adc;

/// <summary>
/// Microchip MCP3008: 10-bit, 8-channel SAR ADC on SPI (modes 0,0 or 1,1). Command per the datasheet's
/// "Using the MCP3004/3008 with microcontroller SPI ports": out <c>0x01</c> (start bit), <c>SGL/DIFF D2 D1 D0</c> in the
/// high nibble, <c>0x00</c>; in: the null bit and B9–B8 in the low bits of byte 1, B7–B0 in byte 2.
/// </summary>
public sealed class Mcp3008 : Mcp3x08
{
    /// <summary>Creates the driver.</summary>
    /// <param name="spi">The SPI device (≤ 1.35 MHz at 2.7 V, ≤ 3.6 MHz at 5 V).</param>
    /// <param name="referenceV">V<sub>REF</sub>, volts.</param>
    /// <param name="ownsPort">Whether disposing the driver disposes <paramref name="spi"/>.</param>
    public Mcp3008(ISpiTransfer spi, double referenceV, bool ownsPort = true)
        : base(spi, referenceV, ownsPort)
    {
    }

    /// <inheritdoc />
    public override int Codes => 1024;

    /// <inheritdoc />
    private protected override void EncodeSingleEndedCommand(int channel, Span<byte> tx)
    {
        tx[0] = 0x01;
        tx[1] = (byte)(0x80 | (channel << 4));
        tx[2] = 0x00;
    }
}
