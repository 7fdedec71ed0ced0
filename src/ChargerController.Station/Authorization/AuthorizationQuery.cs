using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>
/// Everything a caller may hand to <see cref="IIdTokenAuthorizer"/>: the token plus the ISO 15118 data (C07) that is
/// passed through to the AuthorizeRequest when present.
/// </summary>
/// <param name="IdToken">The token.</param>
/// <param name="EvseId">The EVSE it is for, when known.</param>
/// <param name="Purpose">Why it is asked.</param>
public sealed record AuthorizationQuery(IdTokenType IdToken, int? EvseId, AuthorizationPurpose Purpose)
{
    /// <summary>Gets the contract certificate chain (PEM) for central validation (C07.FR.06), if any.</summary>
    public string? Certificate { get; init; }

    /// <summary>Gets the OCSP data of the contract certificate chain (C07.FR.01), if any.</summary>
    public IReadOnlyList<OCSPRequestDataType>? Iso15118CertificateHashData { get; init; }
}
