using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Adc;

/// <summary>
/// What the 8-channel Microchip SAR ADCs on SPI share: one conversion is one byte-aligned 3-byte full-duplex transfer
/// (datasheets' "microcontroller SPI ports" section); the parts differ only in how the channel is encoded in the
/// command bytes and how many result bits come back.
/// </summary>
public abstract class Mcp3x08 : IMultiChannelAdc, IDisposable
{
    private readonly ISpiTransfer spi;
    private readonly bool ownsPort;

    /// <summary>Creates the driver.</summary>
    /// <param name="spi">The SPI device.</param>
    /// <param name="referenceV">V<sub>REF</sub>, volts.</param>
    /// <param name="ownsPort">Whether disposing the driver disposes <paramref name="spi"/>.</param>
    private protected Mcp3x08(ISpiTransfer spi, double referenceV, bool ownsPort)
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
    public abstract int Codes { get; }

    /// <inheritdoc />
    public double ReferenceV { get; }

    /// <inheritdoc />
    public int ReadCount(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 7);
        Span<byte> tx = stackalloc byte[3];
        EncodeSingleEndedCommand(channel, tx);
        Span<byte> rx = stackalloc byte[3];
        spi.TransferFullDuplex(tx, rx);

        // The result ends in the low bits of byte 1 and all of byte 2 on both parts; Codes - 1 masks its width.
        return ((rx[1] << 8) | rx[2]) & (Codes - 1);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsPort)
        {
            spi.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Writes the 3 command bytes for a single-ended conversion of <paramref name="channel"/>.</summary>
    /// <param name="channel">0–7.</param>
    /// <param name="tx">The 3 bytes to send.</param>
    private protected abstract void EncodeSingleEndedCommand(int channel, Span<byte> tx);
}
