namespace ChargerController.Hardware.Modbus;

/// <summary>Why a Modbus transaction failed.</summary>
public enum ModbusErrorKind
{
    /// <summary>No (complete) answer before the response deadline, after all retries.</summary>
    Timeout,

    /// <summary>Answers arrived but failed their CRC (noise, wrong baud rate or parity), after all retries.</summary>
    CrcError,

    /// <summary>The slave answered with an exception response; see <see cref="ModbusException.ExceptionCode"/>.</summary>
    SlaveException,

    /// <summary>A frame with a valid CRC that does not answer the request (wrong slave, function, length or echo), after all retries.</summary>
    InvalidResponse,

    /// <summary>The serial device is missing or vanished.</summary>
    PortUnavailable,
}
