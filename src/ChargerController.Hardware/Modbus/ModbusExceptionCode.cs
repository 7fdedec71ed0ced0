namespace ChargerController.Hardware.Modbus;

/// <summary>Exception codes a slave returns with <c>function | 0x80</c>.</summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>0x01: the slave does not support the function.</summary>
    IllegalFunction = 0x01,

    /// <summary>0x02: the register range does not exist on this slave (wrong meter profile?).</summary>
    IllegalDataAddress = 0x02,

    /// <summary>0x03: a value in the request is not allowed.</summary>
    IllegalDataValue = 0x03,

    /// <summary>0x04: unrecoverable error in the slave.</summary>
    ServerDeviceFailure = 0x04,

    /// <summary>0x05: accepted, processing takes long.</summary>
    Acknowledge = 0x05,

    /// <summary>0x06: the slave is busy; retry later.</summary>
    ServerDeviceBusy = 0x06,

    /// <summary>0x07: negative acknowledge.</summary>
    NegativeAcknowledge = 0x07,

    /// <summary>0x08: memory parity error.</summary>
    MemoryParityError = 0x08,

    /// <summary>0x0A: gateway path unavailable.</summary>
    GatewayPathUnavailable = 0x0A,

    /// <summary>0x0B: gateway target failed to respond.</summary>
    GatewayTargetFailedToRespond = 0x0B,
}
