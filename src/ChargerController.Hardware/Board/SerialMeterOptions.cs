using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Board;

/// <summary>The energy meter on its RS-485 line: port, register map, and line settings when they differ from the model's factory defaults.</summary>
public sealed class SerialMeterOptions
{
    /// <summary>Serial device of the RS-485 adapter; the udev rule gives it the stable name <c>/dev/charger-meter</c>.</summary>
    public string Port { get; set; } = "/dev/charger-meter";

    /// <summary>Meter profile name (hardware/meters, e.g. <c>sdm630</c>; or a file in /etc/chargercontroller/meters).</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>Modbus slave address 1–247; empty = the profile's factory default.</summary>
    public int? SlaveAddress { get; set; }

    /// <summary>Baud rate; empty = the profile's factory default.</summary>
    public int? BaudRate { get; set; }

    /// <summary>Parity; empty = the profile's factory default.</summary>
    public SerialPortLinkParity? Parity { get; set; }

    /// <summary>Stop bits (1 or 2); empty = the profile's factory default.</summary>
    public int? StopBits { get; set; }
}
