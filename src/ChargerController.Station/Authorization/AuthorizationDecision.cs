using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Authorization;

/// <summary>The answer of an <see cref="IIdTokenAuthorizer"/>.</summary>
/// <param name="Info">The IdTokenInfo that applies (status, groupIdToken, evseId restriction, cacheExpiryDateTime, personalMessage).</param>
/// <param name="Source">Where it came from.</param>
public sealed record AuthorizationDecision(IdTokenInfoType Info, AuthorizationSource Source)
{
    /// <summary>
    /// Gets a value indicating whether the token's group is <c>AuthCtrlr.MasterPassGroupId</c> (C16): such a token may
    /// stop every transaction (C16.FR.02) but never start one (C16.FR.03), so for a start the decision is not accepted.
    /// </summary>
    public bool IsMasterPass { get; init; }

    /// <summary>Gets the certificate status of an ISO 15118 AuthorizeResponse (C07), when the CSMS gave one.</summary>
    public AuthorizeCertificateStatusEnumType? CertificateStatus { get; init; }

    /// <summary>Gets the driver-specific tariff of the AuthorizeResponse (OCPP 2.1, I08), when the CSMS sent one.</summary>
    public TariffType? Tariff { get; init; }

    /// <summary>Gets a value indicating whether the token may charge.</summary>
    public bool Accepted => Info.Status == AuthorizationStatusEnumType.Accepted;

    /// <summary>Creates an accepted decision without further information.</summary>
    /// <param name="source">Where it came from.</param>
    /// <returns>The decision.</returns>
    public static AuthorizationDecision Accept(AuthorizationSource source) => new(new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, source);
}
