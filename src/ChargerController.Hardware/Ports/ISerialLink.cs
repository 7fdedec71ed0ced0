namespace ChargerController.Hardware.Ports;

/// <summary>
/// One serial line (UART, USB adapter, RS-485 transceiver) as a byte stream. The only way drivers reach a tty
/// (conventions rule 10): drivers frame and time their protocol themselves, the link only moves bytes.
/// </summary>
/// <remarks>
/// A link opens lazily on the first read or write and, after the device vanished (USB adapter pulled), opens again
/// on the next use. Every failure to reach the device is a <see cref="SerialPortLinkException"/>; no call blocks past
/// its cancellation token. Not safe for concurrent use: one owner per line (the RS-485 bus, one RFID reader).
/// </remarks>
public interface ISerialLink : IAsyncDisposable
{
    /// <summary>The device path, for messages (e.g. <c>/dev/ttyUSB0</c>).</summary>
    string PortName { get; }

    /// <summary>Whether the device is open now.</summary>
    bool IsOpen { get; }

    /// <summary>Opens the device if it is not open. Idempotent.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>A task that completes when the device is open.</returns>
    /// <exception cref="SerialPortLinkException">The device is missing, busy, not permitted or rejects the line settings.</exception>
    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <summary>Waits for at least one byte and copies what is available, up to the buffer's length.</summary>
    /// <param name="buffer">Destination; must not be empty.</param>
    /// <param name="cancellationToken">Cancels the wait; the caller's deadline goes here (serial port timeouts are not used).</param>
    /// <returns>The number of bytes copied, at least 1.</returns>
    /// <exception cref="SerialPortLinkException">The device vanished or failed; the link is closed and reopens on next use.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes all bytes to the device.</summary>
    /// <param name="data">The bytes to send.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the bytes were handed to the driver (they may still be on the wire).</returns>
    /// <exception cref="SerialPortLinkException">The device vanished or failed; the link is closed and reopens on next use.</exception>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Drops everything received and not yet read (stale bytes, late answers, noise).</summary>
    void DiscardInput();
}
