namespace ChargerController.Hardware.Modbus;

/// <summary>A Modbus master: issues one request and returns the slave's answer.</summary>
public interface IModbusMaster
{
    /// <summary>The serial device the master talks through, for messages.</summary>
    string PortName { get; }

    /// <summary>Reads <paramref name="count"/> registers with function 0x03 or 0x04.</summary>
    /// <param name="slaveAddress">Slave address 1–247.</param>
    /// <param name="functionCode"><see cref="ModbusFunctionCode.ReadHoldingRegisters"/> or <see cref="ModbusFunctionCode.ReadInputRegisters"/>.</param>
    /// <param name="startAddress">First register, 0-based PDU address (register number minus 30001/40001).</param>
    /// <param name="count">Number of registers, 1–125.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    /// <returns>The register values in order, each decoded big-endian.</returns>
    /// <exception cref="ModbusException">Timeout, CRC error, exception response, invalid answer or port unavailable.</exception>
    ValueTask<ushort[]> ReadRegistersAsync(byte slaveAddress, ModbusFunctionCode functionCode, ushort startAddress, ushort count, CancellationToken cancellationToken);

    /// <summary>Writes one holding register (function 0x06).</summary>
    /// <param name="slaveAddress">Slave address 1–247, or 0 to broadcast (no answer is awaited).</param>
    /// <param name="address">Register, 0-based PDU address.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    /// <returns>A task that completes when the slave confirmed the write.</returns>
    /// <exception cref="ModbusException">Timeout, CRC error, exception response, invalid answer or port unavailable.</exception>
    ValueTask WriteSingleRegisterAsync(byte slaveAddress, ushort address, ushort value, CancellationToken cancellationToken);

    /// <summary>Writes consecutive holding registers (function 0x10).</summary>
    /// <param name="slaveAddress">Slave address 1–247, or 0 to broadcast (no answer is awaited).</param>
    /// <param name="startAddress">First register, 0-based PDU address.</param>
    /// <param name="values">1–123 values.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    /// <returns>A task that completes when the slave confirmed the write.</returns>
    /// <exception cref="ModbusException">Timeout, CRC error, exception response, invalid answer or port unavailable.</exception>
    ValueTask WriteMultipleRegistersAsync(byte slaveAddress, ushort startAddress, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken);
}
