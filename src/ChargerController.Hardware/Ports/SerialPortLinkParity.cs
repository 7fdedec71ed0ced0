namespace ChargerController.Hardware.Ports;

/// <summary>UART parity, independent of System.IO.Ports so that drivers and configuration do not reference it.</summary>
public enum SerialPortLinkParity
{
    /// <summary>No parity bit (8N1, what most meters ship with).</summary>
    None,

    /// <summary>Even parity (the Modbus serial-line default, 8E1).</summary>
    Even,

    /// <summary>Odd parity (8O1).</summary>
    Odd,
}
