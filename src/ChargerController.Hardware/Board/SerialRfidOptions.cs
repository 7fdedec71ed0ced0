namespace ChargerController.Hardware.Board;

/// <summary>The RFID reader on its UART.</summary>
public sealed class SerialRfidOptions
{
    /// <summary>Serial device; the udev rule gives a USB bridge the stable name <c>/dev/charger-rfid</c>.</summary>
    public string Port { get; set; } = "/dev/charger-rfid";

    /// <summary>Reader type.</summary>
    public RfidReaderKind Reader { get; set; } = RfidReaderKind.Rdm6300;

    /// <summary>Baud rate; empty = the reader's default (RDM6300 9600, PN532 HSU 115200).</summary>
    public int? BaudRate { get; set; }
}
