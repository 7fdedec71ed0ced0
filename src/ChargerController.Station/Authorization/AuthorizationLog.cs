using ChargerController.Ocpp.Enums;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Authorization;

/// <summary>Source-generated log messages of the authorization block (event ids 2600-2619). Tokens print through <see cref="IdTokenKey.ToString"/>, which masks key codes (C04.FR.04).</summary>
internal static partial class AuthorizationLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Token {Token} for {Purpose} on EVSE {EvseId}: {Status} from {Source}")]
    public static partial void Decided(ILogger logger, IdTokenKey token, AuthorizationPurpose purpose, int? evseId, AuthorizationStatusEnumType status, AuthorizationSource source);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "AuthorizeRequest for {Token} got no answer; deciding offline")]
    public static partial void AuthorizeFailed(ILogger logger, IdTokenKey token, Exception exception);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Authorization cache cleared")]
    public static partial void CacheCleared(ILogger logger);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Error, Message = "Authorization cache could not be cleared")]
    public static partial void CacheClearFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Information, Message = "SendLocalList {UpdateType} version {Version} with {Items} items: {Status} {Reason}")]
    public static partial void LocalListUpdated(ILogger logger, UpdateEnumType updateType, int version, int items, SendLocalListStatusEnumType status, string? reason);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Error, Message = "Authorization cache could not store {Token}")]
    public static partial void CacheWriteFailed(ILogger logger, IdTokenKey token, Exception exception);
}
