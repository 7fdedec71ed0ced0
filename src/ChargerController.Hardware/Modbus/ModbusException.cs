namespace ChargerController.Hardware.Modbus;

/// <summary>A Modbus transaction that failed for a known reason.</summary>
public sealed class ModbusException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why it failed.</param>
    /// <param name="slaveAddress">The slave addressed (1–247).</param>
    /// <param name="functionCode">The function requested.</param>
    /// <param name="message">What happened, naming port and slave.</param>
    /// <param name="exceptionCode">The slave's exception code for <see cref="ModbusErrorKind.SlaveException"/>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ModbusException(ModbusErrorKind kind, byte slaveAddress, ModbusFunctionCode functionCode, string message, ModbusExceptionCode? exceptionCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        SlaveAddress = slaveAddress;
        FunctionCode = functionCode;
        ExceptionCode = exceptionCode;
    }

    /// <summary>Why it failed.</summary>
    public ModbusErrorKind Kind { get; }

    /// <summary>The slave addressed.</summary>
    public byte SlaveAddress { get; }

    /// <summary>The function requested.</summary>
    public ModbusFunctionCode FunctionCode { get; }

    /// <summary>The slave's exception code, when <see cref="Kind"/> is <see cref="ModbusErrorKind.SlaveException"/>.</summary>
    public ModbusExceptionCode? ExceptionCode { get; }
}
