using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>One token in the authorization cache (C10): the latest IdTokenInfo the CSMS gave for it and how it was used.</summary>
/// <param name="IdToken">The token as presented, without additionalInfo (C10.FR.14).</param>
/// <param name="Info">The latest IdTokenInfo, without groupIdToken.additionalInfo (C10.FR.14).</param>
/// <param name="UpdatedAt">When the CSMS last sent IdTokenInfo for it (AuthCacheCtrlr.LifeTime counts from here, C10.FR.10).</param>
/// <param name="LastUsedAt">When it was last presented (LRU).</param>
/// <param name="UseCount">How often it was presented (LFU).</param>
public sealed record AuthorizationCacheEntry(IdTokenType IdToken, IdTokenInfoType Info, DateTimeOffset UpdatedAt, DateTimeOffset LastUsedAt, long UseCount)
{
    /// <summary>Gets the key (C01.FR.25).</summary>
    public IdTokenKey Key => IdTokenKey.Of(IdToken);
}
