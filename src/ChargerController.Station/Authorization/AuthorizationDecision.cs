using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Authorization;

/// <summary>The answer of an <see cref="IIdTokenAuthorizer"/>.</summary>
/// <param name="Info">The IdTokenInfo that applies (status, groupIdToken, evseId restriction, cacheExpiryDateTime, personalMessage).</param>
/// <param name="Source">Where it came from.</param>
public sealed record AuthorizationDecision(IdTokenInfoType Info, AuthorizationSource Source)
{
    /// <summary>Gets a value indicating whether the token may charge.</summary>
    public bool Accepted => Info.Status == AuthorizationStatusEnumType.Accepted;

    /// <summary>Creates an accepted decision without further information.</summary>
    /// <param name="source">Where it came from.</param>
    /// <returns>The decision.</returns>
    public static AuthorizationDecision Accept(AuthorizationSource source) => new(new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, source);
}
