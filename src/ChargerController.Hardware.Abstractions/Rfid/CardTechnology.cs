namespace ChargerController.Hardware.Abstractions.Rfid;

/// <summary>The air interface a card was read with; decides the OCPP IdToken type.</summary>
public enum CardTechnology
{
    /// <summary>13.56 MHz ISO/IEC 14443 type A (MIFARE …): 4, 7 or 10 byte UID.</summary>
    Iso14443A,

    /// <summary>13.56 MHz ISO/IEC 15693 vicinity card: 8 byte UID.</summary>
    Iso15693,

    /// <summary>125 kHz EM4100-family tag (RDM6300): 5 byte id.</summary>
    Em4100,
}
