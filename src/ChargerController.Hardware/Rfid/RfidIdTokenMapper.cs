using ChargerController.Hardware.Abstractions.Rfid;

namespace ChargerController.Hardware.Rfid;

/// <summary>Maps a card UID to an OCPP IdToken (pure). See hardware/rfid/README.md for the format decisions.</summary>
public static class RfidIdTokenMapper
{
    /// <summary>IdToken type for ISO/IEC 14443 UIDs (4 or 7 bytes in hexadecimal, OCPP IdTokenEnumType).</summary>
    public const string Iso14443 = "ISO14443";

    /// <summary>IdToken type for ISO/IEC 15693 UIDs (8 bytes in hexadecimal).</summary>
    public const string Iso15693 = "ISO15693";

    /// <summary>IdToken type for identifiers without an OCPP type of their own: 125 kHz EM4100 tags.</summary>
    public const string Local = "Local";

    /// <summary>Maps a card read.</summary>
    /// <param name="card">The card read.</param>
    /// <returns>The IdToken.</returns>
    public static RfidIdToken Map(CardRead card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var uid = card.Uid.ToArray();
        var hex = Convert.ToHexString(uid);
        return card.Technology switch
        {
            // ISO/IEC 14443-3: a single-size (4-byte) UID starting with 0x08 is random per activation.
            CardTechnology.Iso14443A => new RfidIdToken(hex, Iso14443, uid.Length == 4 && uid[0] == 0x08),
            CardTechnology.Iso15693 => new RfidIdToken(hex, Iso15693, false),

            // 125 kHz EM4100 is not ISO 14443 and OCPP has no type for it: send all 5 bytes (version/customer byte + 32-bit
            // id) as 10 hex digits with type Local, so two tags differing only in the version byte stay distinct.
            _ => new RfidIdToken(hex, Local, false),
        };
    }
}
