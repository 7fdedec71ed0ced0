using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.CustomerInformation;

/// <summary>
/// The customer a CustomerInformationRequest names: exactly one of an idToken, a customer certificate (hash data) or a
/// free customer identifier (N09.FR.04/09).
/// </summary>
/// <param name="IdToken">The idToken value (e.g. the RFID UID), or null.</param>
/// <param name="IdTokenType">The idToken type (ISO14443, eMAID …), or null.</param>
/// <param name="Certificate">The customer certificate's hash data, or null.</param>
/// <param name="CustomerIdentifier">A CSMS-defined customer identifier, or null.</param>
public sealed record CustomerReference(string? IdToken, string? IdTokenType, CertificateHashDataType? Certificate, string? CustomerIdentifier)
{
    /// <summary>Gets whether a stored idToken value belongs to this customer (idToken values compare case-insensitively, as RFID UIDs are hex).</summary>
    /// <param name="idToken">A stored idToken value.</param>
    /// <returns>True when it is this customer's token.</returns>
    public bool IsToken(string? idToken) => IdToken is not null && string.Equals(IdToken, idToken, StringComparison.OrdinalIgnoreCase);
}
