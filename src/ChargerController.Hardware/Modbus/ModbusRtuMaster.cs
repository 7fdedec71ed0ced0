using ChargerController.Hardware.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargerController.Hardware.Modbus;

/// <summary>
/// Modbus RTU master over an <see cref="ISerialLink"/>. Frames answers by their expected length plus CRC (user space
/// cannot see 1.5/3.5-character gaps reliably, REFERENCE 4.3), keeps the inter-frame silence before each request, and
/// enforces its own deadlines through <see cref="TimeProvider"/> because serial-port timeouts are unreliable.
/// </summary>
/// <remarks>Not safe for concurrent use; share a line through <see cref="Rs485Bus"/>, its single owner.</remarks>
public sealed partial class ModbusRtuMaster : IModbusMaster
{
    private readonly ISerialLink _link;
    private readonly ModbusRtuMasterOptions _options;
    private readonly TimeProvider _time;
    private readonly IDigitalOutput? _direction;
    private readonly ILogger _logger;
    private readonly byte[] _rx = new byte[512];
    private long _lastActivity;
    private bool _hasActivity;

    /// <summary>Creates the master. It does not own the link or the direction output.</summary>
    /// <param name="link">The serial line.</param>
    /// <param name="options">Timing and retries.</param>
    /// <param name="timeProvider">Clock for silences and deadlines.</param>
    /// <param name="directionControl">Optional RS-485 DE/RE line driven from a GPIO: active while transmitting.</param>
    /// <param name="logger">Optional logger.</param>
    public ModbusRtuMaster(ISerialLink link, ModbusRtuMasterOptions options, TimeProvider timeProvider, IDigitalOutput? directionControl = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _link = link;
        _options = options;
        _time = timeProvider;
        _direction = directionControl;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public string PortName => _link.PortName;

    /// <inheritdoc/>
    public ValueTask<ushort[]> ReadRegistersAsync(byte slaveAddress, ModbusFunctionCode functionCode, ushort startAddress, ushort count, CancellationToken cancellationToken)
    {
        if (functionCode is not (ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters))
        {
            throw new ArgumentOutOfRangeException(nameof(functionCode), functionCode, "Only 0x03 and 0x04 read registers.");
        }

        ValidateUnicast(slaveAddress);
        if (count is 0 or > ModbusRtuFrames.MaxReadRegisters || startAddress + count > 0x10000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Read 1–125 registers inside the 16-bit address space.");
        }

        return ReadRegistersCoreAsync(slaveAddress, functionCode, startAddress, count, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask WriteSingleRegisterAsync(byte slaveAddress, ushort address, ushort value, CancellationToken cancellationToken)
    {
        ValidateWriteTarget(slaveAddress);
        var request = ModbusRtuFrames.BuildWriteSingleRequest(slaveAddress, address, value);

        // §6.6: the normal response is an echo of the request.
        return WriteCoreAsync(request, slaveAddress, ModbusFunctionCode.WriteSingleRegister, response => response.AsSpan().SequenceEqual(request), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask WriteMultipleRegistersAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken)
    {
        ValidateWriteTarget(slaveAddress);
        if (values.Length is 0 or > ModbusRtuFrames.MaxWriteRegisters || startAddress + values.Length > 0x10000)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values.Length, "Write 1–123 registers inside the 16-bit address space.");
        }

        var request = ModbusRtuFrames.BuildWriteMultipleRequest(slaveAddress, startAddress, values.Span);

        // §6.12: the normal response repeats address, function, start and quantity.
        return WriteCoreAsync(request, slaveAddress, ModbusFunctionCode.WriteMultipleRegisters, response => response.AsSpan(0, 6).SequenceEqual(request.AsSpan(0, 6)), cancellationToken);
    }

    private static void ValidateUnicast(byte slaveAddress)
    {
        if (slaveAddress is 0 or > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(slaveAddress), slaveAddress, "Slave address must be 1–247 (0 is broadcast, write-only).");
        }
    }

    private static void ValidateWriteTarget(byte slaveAddress)
    {
        if (slaveAddress > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(slaveAddress), slaveAddress, "Slave address must be 0–247.");
        }
    }

    private async ValueTask<ushort[]> ReadRegistersCoreAsync(byte slaveAddress, ModbusFunctionCode functionCode, ushort startAddress, ushort count, CancellationToken cancellationToken)
    {
        var request = ModbusRtuFrames.BuildReadRequest(slaveAddress, functionCode, startAddress, count);
        var response = await TransactAsync(request, slaveAddress, functionCode, ModbusRtuFrames.ExpectedResponseLength(functionCode, count), r => r[2] == 2 * count, cancellationToken).ConfigureAwait(false);
        return ModbusRtuFrames.TryDecodeReadResponse(response, count)!;
    }

    private async ValueTask WriteCoreAsync(byte[] request, byte slaveAddress, ModbusFunctionCode functionCode, Func<byte[], bool> isAnswer, CancellationToken cancellationToken)
    {
        if (slaveAddress == 0)
        {
            // Broadcast: no slave answers; the silence before the next request still applies.
            await BroadcastAsync(request, functionCode, cancellationToken).ConfigureAwait(false);
            return;
        }

        await TransactAsync(request, slaveAddress, functionCode, ModbusRtuFrames.ExpectedResponseLength(functionCode, 0), isAnswer, cancellationToken).ConfigureAwait(false);
    }
}
