namespace ChargerController.Hardware.Rfid;

/// <summary>What the PN532 sent.</summary>
public enum Pn532FrameKind
{
    /// <summary>ACK frame <c>00 00 FF 00 FF 00</c>: the command was received.</summary>
    Ack,

    /// <summary>NACK frame <c>00 00 FF FF 00 00</c>: please send again.</summary>
    Nack,

    /// <summary>Information frame from the PN532 (TFI 0xD5): response code and data.</summary>
    Response,

    /// <summary>Application-level error frame (TFI 0x7F, UM0701 §6.2.1.5): syntax error in the command.</summary>
    ApplicationError,

    /// <summary>A frame whose LCS or DCS checksum failed, or with an unexpected TFI.</summary>
    Corrupt,
}
