namespace ChargerController.Hardware.Board;

/// <summary>The serial RFID readers chargerd drives (hardware/rfid/README.md).</summary>
public enum RfidReaderKind
{
    /// <summary>RDM6300 125 kHz EM4100 reader: sends frames on its own, 9600 Bd.</summary>
    Rdm6300,

    /// <summary>NXP PN532 13.56 MHz reader over HSU: polled, 115200 Bd.</summary>
    Pn532,
}
