using System.IO.Ports;

namespace ChargerController.Hardware.Ports;

/// <summary>
/// <see cref="ISerialLink"/> over <see cref="SerialPort"/>: the only file that touches System.IO.Ports (conventions 2.1).
/// </summary>
/// <remarks>
/// SerialPort's own ReadTimeout/WriteTimeout are not used: callers bring their deadline as a cancellation token built
/// from a TimeProvider. Any I/O error closes the port and surfaces as <see cref="SerialPortLinkException"/>; the next call
/// reopens it, so a USB adapter that is pulled and plugged back in recovers without restarting the service.
/// </remarks>
public sealed class SerialPortLink : ISerialLink
{
    private readonly SerialPortLinkOptions _options;
    private SerialPort? _port;
    private Stream? _stream;
    private bool _disposed;

    /// <summary>Creates the link; nothing is opened until first use.</summary>
    /// <param name="options">Device path and line settings.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public SerialPortLink(SerialPortLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <inheritdoc/>
    public string PortName => _options.PortName;

    /// <inheritdoc/>
    public bool IsOpen => _port is { IsOpen: true };

    /// <inheritdoc/>
    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureOpen();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("The buffer must not be empty.", nameof(buffer));
        }

        return cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ReadCoreAsync(buffer, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled(cancellationToken) : WriteCoreAsync(data, cancellationToken);
    }

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var stream = EnsureOpen();
        int read;
        try
        {
            // SerialStream on Unix queues the request on its I/O loop and completes it on cancellation,
            // so an abandoned read neither blocks a thread nor swallows bytes meant for the next one.
            read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw Fail("read failed, device vanished?", ex);
        }

        if (read <= 0)
        {
            throw Fail("read returned end of stream, device vanished?", null);
        }

        return read;
    }

    private async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var stream = EnsureOpen();
        try
        {
            await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw Fail("write failed, device vanished?", ex);
        }
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_port is not { IsOpen: true } port)
        {
            return;
        }

        try
        {
            port.DiscardInBuffer();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw Fail("flushing the input failed, device vanished?", ex);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            Close();
        }

        return ValueTask.CompletedTask;
    }

    private static Parity ToParity(SerialPortLinkParity parity) => parity switch
    {
        SerialPortLinkParity.Even => Parity.Even,
        SerialPortLinkParity.Odd => Parity.Odd,
        _ => Parity.None,
    };

    private Stream EnsureOpen()
    {
        if (_port is { IsOpen: true } && _stream is not null)
        {
            return _stream;
        }

        Close();
        if (!File.Exists(_options.PortName))
        {
            throw new SerialPortLinkException(_options.PortName, $"{_options.PortName}: no such serial device (adapter unplugged, or wrong path?)");
        }

        var port = new SerialPort(_options.PortName, _options.BaudRate, ToParity(_options.Parity), _options.DataBits, _options.StopBits == 2 ? StopBits.Two : StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = SerialPort.InfiniteTimeout,
        };
        try
        {
            port.Open();
            _stream = port.BaseStream;
            _port = port;
            return _stream;
        }
        catch (UnauthorizedAccessException ex)
        {
            port.Dispose();
            throw new SerialPortLinkException(_options.PortName, $"{_options.PortName}: access denied or port in use (is the user in group 'dialout'? is another program holding it?)", ex);
        }
        catch (ArgumentException ex)
        {
            // tcsetattr refused the settings; pseudo-terminals reject parity this way (REFERENCE 7.1).
            port.Dispose();
            throw new SerialPortLinkException(_options.PortName, $"{_options.PortName}: the device rejected {_options.BaudRate} baud, {_options.DataBits}{_options.Parity.ToString()[0]}{_options.StopBits}", ex);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            port.Dispose();
            throw new SerialPortLinkException(_options.PortName, $"{_options.PortName}: cannot open: {ex.Message}", ex);
        }
    }

    private SerialPortLinkException Fail(string what, Exception? inner)
    {
        Close();
        return new SerialPortLinkException(_options.PortName, $"{_options.PortName}: {what}", inner);
    }

    private void Close()
    {
        var port = _port;
        _port = null;
        _stream = null;
        if (port is null)
        {
            return;
        }

        try
        {
            port.Dispose();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The device is already gone; there is nothing left to release but our handle.
        }
    }
}
