namespace ChargerController.Hardware.Rfid;

/// <summary>A card UID expressed as an OCPP IdToken (idToken + type, Part 2 IdTokenType).</summary>
/// <param name="IdToken">The token: upper-case hexadecimal without separators.</param>
/// <param name="Type">The OCPP IdToken type wire string: <c>ISO14443</c>, <c>ISO15693</c> or <c>Local</c>.</param>
/// <param name="IsRandomUid">Whether the UID is a random one chosen anew at each activation (phones, emulated cards), so useless for authorization.</param>
public sealed record RfidIdToken(string IdToken, string Type, bool IsRandomUid);
