using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Meters;

/// <summary>Factory line settings of a meter model, used when the configuration does not say otherwise.</summary>
/// <param name="BaudRate">Baud rate.</param>
/// <param name="Parity">Parity.</param>
/// <param name="StopBits">Stop bits (1 or 2).</param>
/// <param name="SlaveAddress">Modbus slave address 1–247.</param>
public sealed record MeterSerialDefaults(int BaudRate, SerialPortLinkParity Parity, int StopBits, byte SlaveAddress);
