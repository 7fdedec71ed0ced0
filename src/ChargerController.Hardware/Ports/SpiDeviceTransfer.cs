using System.Device.Spi;

namespace ChargerController.Hardware.Ports;

/// <summary>An SPI device node (<c>/dev/spidevB.C</c>) behind <see cref="ISpiTransfer"/>.</summary>
public sealed class SpiDeviceTransfer : ISpiTransfer
{
    private readonly SpiDevice device;

    internal SpiDeviceTransfer(SpiDevice device) => this.device = device;

    /// <summary>Opens <c>/dev/spidev{busId}.{chipSelect}</c>.</summary>
    /// <param name="busId">SPI bus (0 for SPI0 on the header).</param>
    /// <param name="chipSelect">Chip select (0 = CE0/GPIO8, 1 = CE1/GPIO7).</param>
    /// <param name="clockHz">SCLK frequency, hertz.</param>
    /// <param name="mode">SPI mode 0–3.</param>
    /// <returns>The device.</returns>
    /// <exception cref="IOException">SPI is not enabled (<c>dtparam=spi=on</c>) or not permitted (group <c>spi</c>).</exception>
    public static SpiDeviceTransfer Open(int busId, int chipSelect, int clockHz, int mode)
    {
        if (mode is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "SPI mode is 0–3.");
        }

        var settings = new SpiConnectionSettings(busId, chipSelect)
        {
            ClockFrequency = clockHz,
            Mode = (SpiMode)mode,
            DataBitLength = 8,
        };
        return new SpiDeviceTransfer(SpiDevice.Create(settings));
    }

    /// <inheritdoc />
    public void TransferFullDuplex(ReadOnlySpan<byte> write, Span<byte> read)
    {
        if (write.Length != read.Length)
        {
            throw new ArgumentException("SPI full-duplex buffers must have the same length.", nameof(read));
        }

        device.TransferFullDuplex(write, read);
    }

    /// <inheritdoc />
    public void Dispose() => device.Dispose();
}
