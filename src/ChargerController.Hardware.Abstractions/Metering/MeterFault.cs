namespace ChargerController.Hardware.Abstractions.Metering;

/// <summary>Why a meter read failed; the station decides from it whether to retry, continue or stop (meter-loss policy).</summary>
public enum MeterFault
{
    /// <summary>The meter did not answer within the deadline (all retries used).</summary>
    Timeout,

    /// <summary>Frames arrived but failed their CRC (noise, wrong baud rate or parity).</summary>
    CrcError,

    /// <summary>The meter answered with a Modbus exception (illegal function, address, value, device failure …).</summary>
    ProtocolException,

    /// <summary>The serial port is missing or vanished (USB adapter pulled).</summary>
    PortUnavailable,

    /// <summary>The meter answered with values that cannot be right (NaN, negative energy, register going backwards).</summary>
    InvalidData,
}
