using ChargerController.Hardware.Ports;
using Microsoft.Extensions.Logging;

namespace ChargerController.Hardware.Modbus;

/// <summary>
/// The single owner of one RS-485 line (conventions rule 10): every device on the bus (meters today, an external load
/// manager later) goes through it, and it runs one Modbus transaction at a time in arrival order.
/// </summary>
public sealed class Rs485Bus : IModbusMaster, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ModbusRtuMaster _master;
    private readonly ISerialLink _link;
    private readonly bool _ownsLink;
    private bool _disposed;

    /// <summary>Creates the bus.</summary>
    /// <param name="link">The serial line.</param>
    /// <param name="options">Timing and retries.</param>
    /// <param name="timeProvider">Clock for silences and deadlines.</param>
    /// <param name="directionControl">Optional DE/RE GPIO (not owned: the board composition disposes it).</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="ownsLink">Whether disposing the bus disposes <paramref name="link"/>.</param>
    public Rs485Bus(ISerialLink link, ModbusRtuMasterOptions options, TimeProvider timeProvider, IDigitalOutput? directionControl = null, ILogger? logger = null, bool ownsLink = true)
    {
        _master = new ModbusRtuMaster(link, options, timeProvider, directionControl, logger);
        _link = link;
        _ownsLink = ownsLink;
    }

    /// <inheritdoc/>
    public string PortName => _master.PortName;

    /// <inheritdoc/>
    public ValueTask<ushort[]> ReadRegistersAsync(byte slaveAddress, ModbusFunctionCode functionCode, ushort startAddress, ushort count, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return RunAsync(ct => _master.ReadRegistersAsync(slaveAddress, functionCode, startAddress, count, ct), cancellationToken);
    }


    /// <inheritdoc/>
    public ValueTask WriteSingleRegisterAsync(byte slaveAddress, ushort address, ushort value, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return RunAsync(ct => _master.WriteSingleRegisterAsync(slaveAddress, address, value, ct), cancellationToken);
    }


    /// <inheritdoc/>
    public ValueTask WriteMultipleRegistersAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return RunAsync(ct => _master.WriteMultipleRegistersAsync(slaveAddress, startAddress, values, ct), cancellationToken);
    }


    /// <summary>Waits for the running transaction, then releases the line.</summary>
    /// <returns>A task that completes when the bus is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        _disposed = true;
        if (_ownsLink)
        {
            await _link.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Release();
    }

    private async ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> transaction, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await transaction(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask RunAsync(Func<CancellationToken, ValueTask> transaction, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await transaction(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
