namespace ChargerController.Hardware.Ports;

/// <summary>One SPI device (bus + chip select). The adapter owns the device node; drivers speak bytes only.</summary>
public interface ISpiTransfer : IDisposable
{
    /// <summary>Clocks <paramref name="write"/> out while clocking the same number of bytes in (one chip-select cycle).</summary>
    /// <param name="write">Bytes sent, MSB first.</param>
    /// <param name="read">Receives the bytes clocked in; same length as <paramref name="write"/>.</param>
    /// <exception cref="ArgumentException">The buffers differ in length.</exception>
    /// <exception cref="IOException">The transfer failed.</exception>
    void TransferFullDuplex(ReadOnlySpan<byte> write, Span<byte> read);
}
