namespace ChargerController.Hardware.Ports;

/// <summary>Which libgpiod generation drives the GPIO character device.</summary>
public enum GpioDriverKind
{
    /// <summary>libgpiod 1.x (<c>libgpiod.so.2</c>): Debian 12 / Raspberry Pi OS Bookworm.</summary>
    Libgpiod = 0,

    /// <summary>libgpiod 2.x (<c>libgpiod.so.3</c>): Debian 13 / Raspberry Pi OS Trixie.</summary>
    Libgpiod2,
}
