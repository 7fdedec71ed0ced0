using Microsoft.Extensions.Logging;

namespace ChargerController.Hardware.Modbus;

/// <summary>Source-generated log messages of the Modbus layer (event ids 3100–3199).</summary>
internal static partial class ModbusLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Modbus {Port} slave {Slave} function {Function}: attempt {Attempt} failed ({Kind}): {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string port, byte slave, ModbusFunctionCode function, int attempt, ModbusErrorKind kind, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Modbus {Port} slave {Slave} function {Function} failed after {Attempts} attempts ({Kind}): {Reason}")]
    public static partial void TransactionFailed(ILogger logger, string port, byte slave, ModbusFunctionCode function, int attempts, ModbusErrorKind kind, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Modbus {Port}: serial device unavailable: {Reason}")]
    public static partial void PortUnavailable(ILogger logger, string port, string reason);
}
