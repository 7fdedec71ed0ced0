using System.Globalization;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Messages.Authorization;
using ChargerController.Station.DeviceModel;
using ChargerController.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace ChargerController.Station.Authorization;

/// <summary>
/// The authorization block (C01-C16, D01/D02): decides for every presented token from the local authorization list,
/// the authorization cache, an AuthorizeRequest to the CSMS and the offline rules, in the precedence Part 2 gives
/// (list before cache, C13.FR.01/C14.FR.01); keeps the cache up to date from every IdTokenInfo the CSMS sends
/// (C10.FR.04/05); answers ClearCache, SendLocalList and GetLocalListVersion. See README.md in this folder.
/// </summary>
public sealed class AuthorizationService : IIdTokenAuthorizer, IStationModule
{
    private readonly StationDeviceModel _model;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private IStationMessageSender? _sender;
    private Func<TimeSpan>? _messageTimeout;
    private IOcppStatusSource? _status;

    /// <summary>Initializes a new instance of the <see cref="AuthorizationService"/> class.</summary>
    /// <param name="model">The device model (AuthCtrlr, AuthCacheCtrlr, LocalAuthListCtrlr).</param>
    /// <param name="cacheStore">Durable cache store.</param>
    /// <param name="listStore">Durable local-list store.</param>
    /// <param name="time">Clock.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public AuthorizationService(StationDeviceModel model, IAuthorizationCacheStore cacheStore, ILocalAuthorizationListStore listStore, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cacheStore);
        ArgumentNullException.ThrowIfNull(listStore);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _model = model;
        _time = time;
        _logger = loggerFactory.CreateLogger<AuthorizationService>();
        Cache = new AuthorizationCache(cacheStore, time);
        LocalList = new LocalAuthorizationList(listStore);
        SyncCacheSettings();
        Cache.Changed += (_, _) => PublishCacheSize();
        LocalList.Changed += (_, _) => PublishListSize();
        PublishCacheSize();
        PublishListSize();
    }

    /// <summary>Gets the authorization cache.</summary>
    public AuthorizationCache Cache { get; }

    /// <summary>Gets the local authorization list.</summary>
    public LocalAuthorizationList LocalList { get; }

    /// <summary>Gets a value indicating whether an AuthorizeRequest can be sent now (connected and registration Accepted).</summary>
    public bool IsOnline => _status is { IsConnected: true, Registration: RegistrationState.Accepted };

    /// <inheritdoc/>
    public void Attach(StationModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _sender = context.Sender;
        _status = context.Status;
        _messageTimeout = () => context.MessageTimeout;
        context.Register(new ClearCacheHandler(this));
        context.Register(new SendLocalListHandler(this, _model));
        context.Register(new GetLocalListVersionHandler(this, _model));
    }

    /// <inheritdoc/>
    public ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken) =>
        AuthorizeAsync(new AuthorizationQuery(idToken, evseId, purpose), cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.IdToken);
        var settings = AuthorizationSettings.Read(_model);
        SyncCacheSettings();
        var decision = await DecideAsync(query, settings, cancellationToken).ConfigureAwait(false);
        decision = Restrict(decision, query, settings);
        var key = IdTokenKey.Of(query.IdToken);
        AuthorizationLog.Decided(_logger, key, query.Purpose, query.EvseId, decision.Info.Status, decision.Source);
        return decision;
    }

    /// <inheritdoc/>
    public void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        ArgumentNullException.ThrowIfNull(info);
        SyncCacheSettings();
        Remember(idToken, info, AuthorizationSettings.Read(_model));
    }

    /// <summary>Clears the cache for ClearCache (C11).</summary>
    /// <returns>Accepted, or Rejected when the cache is disabled (C11.FR.04) or clearing failed (C11.FR.05).</returns>
    internal ClearCacheStatusEnumType ClearCache()
    {
        if (!AuthorizationSettings.Read(_model).CacheEnabled)
        {
            return ClearCacheStatusEnumType.Rejected;
        }

        try
        {
            Cache.Clear();
            AuthorizationLog.CacheCleared(_logger);
            return ClearCacheStatusEnumType.Accepted;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            AuthorizationLog.CacheClearFailed(_logger, ex);
            return ClearCacheStatusEnumType.Rejected;
        }
    }

    /// <summary>Logs a SendLocalList outcome.</summary>
    internal void LogListUpdate(UpdateEnumType updateType, int version, int items, SendLocalListStatusEnumType status, string? reason) =>
        AuthorizationLog.LocalListUpdated(_logger, updateType, version, items, status, reason);

    private static AuthorizationDecision Refuse(IdTokenInfoType? info, AuthorizationStatusEnumType status, AuthorizationSource source) =>
        new((info ?? new IdTokenInfoType()) with { Status = status }, source);

    private static bool IsNeverCached(IdTokenKey key) =>
        key.Type is IdTokenTypes.Central or IdTokenTypes.NoAuthorization;

    private async ValueTask<AuthorizationDecision> DecideAsync(AuthorizationQuery query, AuthorizationSettings settings, CancellationToken cancellationToken)
    {
        var key = IdTokenKey.Of(query.IdToken);
        if (!settings.Enabled || key.Type == IdTokenTypes.NoAuthorization)
        {
            // AuthCtrlr.Enabled=false is free vend (C01.FR.01 only binds while enabled); a NoAuthorization token (start
            // button, C02.FR.01) is accepted by the CSMS anyway (C02.FR.02), so asking it would only add latency.
            return AuthorizationDecision.Accept(AuthorizationSource.FreeVend);
        }

        if (query.Purpose == AuthorizationPurpose.RemoteStart && (!settings.AuthorizeRemoteStart || key.Type == IdTokenTypes.Central))
        {
            // F01/F02 with AuthorizeRemoteStart=false: the CSMS already decided; C05.FR.01: never Authorize a Central token.
            return AuthorizationDecision.Accept(AuthorizationSource.Csms);
        }

        var online = IsOnline;
        var canAsk = online && !settings.DisableRemoteAuthorization && _sender is not null;
        var local = DecideLocally(key, query.Purpose, settings, online, canAsk);
        if (local is not null)
        {
            return local;
        }

        var response = await CallAuthorizeAsync(query, key, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            // The link broke during the call: decide as an offline station would.
            return DecideLocally(key, query.Purpose, settings, online: false, canAsk: false)!;
        }

        Remember(query.IdToken, response.IdTokenInfo, settings);
        return new AuthorizationDecision(response.IdTokenInfo, AuthorizationSource.Csms) { CertificateStatus = response.CertificateStatus, Tariff = response.Tariff };
    }

    /// <summary>The local part of the precedence; null = ask the CSMS.</summary>
    private AuthorizationDecision? DecideLocally(IdTokenKey key, AuthorizationPurpose purpose, AuthorizationSettings settings, bool online, bool canAsk)
    {
        var now = _time.GetUtcNow();
        if (settings.ListEnabled && LocalList.Find(key) is { } listed)
        {
            // C13.FR.01/C14.FR.01: a listed token is decided by the list; the cache is not consulted for it.
            var expired = settings.ListSupportsExpiryDateTime && listed.CacheExpiryDateTime is { } expiry && now > expiry;
            var info = expired ? listed with { Status = AuthorizationStatusEnumType.Expired } : listed;
            return Known(info, AuthorizationSource.LocalList, purpose, settings, online, canAsk, postAuthorizeDisabled: settings.ListDisablePostAuthorize && !expired);
        }

        if (settings.CacheEnabled && Cache.Use(key) is { } cached)
        {
            var expired = cached.Info.Status == AuthorizationStatusEnumType.Expired;
            return Known(cached.Info, AuthorizationSource.Cache, purpose, settings, online, canAsk, postAuthorizeDisabled: settings.CacheDisablePostAuthorize && !expired);
        }

        if (canAsk)
        {
            // C01.FR.02: neither list nor cache knows it.
            return null;
        }

        if (!online && settings.OfflineTxForUnknownIdEnabled)
        {
            // C15.FR.08 / C13.FR.04: unknown tokens are accepted offline; C15.FR.01: and not cached.
            return AuthorizationDecision.Accept(AuthorizationSource.OfflineUnknown);
        }

        return Refuse(null, AuthorizationStatusEnumType.Unknown, AuthorizationSource.None);
    }

    private static AuthorizationDecision? Known(IdTokenInfoType info, AuthorizationSource source, AuthorizationPurpose purpose, AuthorizationSettings settings, bool online, bool canAsk, bool postAuthorizeDisabled)
    {
        if (info.Status == AuthorizationStatusEnumType.Accepted)
        {
            if (!online)
            {
                // C13.FR.02-06 / C12: offline only Accepted entries start, and only with LocalAuthorizeOffline.
                return settings.LocalAuthorizeOffline || purpose == AuthorizationPurpose.Stop
                    ? new AuthorizationDecision(info, source)
                    : Refuse(info, AuthorizationStatusEnumType.NotAtThisTime, source);
            }

            // C14.FR.02 / C12.FR.02: start without asking when LocalPreAuthorize; a stop by a valid listed/cached token
            // never waits for the CSMS (C01.FR.03(b), C09.FR.07); LocalPreAuthorize=false asks first (TC_C_36).
            return settings.LocalPreAuthorize || purpose == AuthorizationPurpose.Stop || !canAsk ? new AuthorizationDecision(info, source) : null;
        }

        // Not Accepted (or expired): offline it never charges (C13.FR.02); online the CSMS is asked again
        // (C10.FR.03, C12.FR.05, C14.FR.03/05) unless post-authorization is disabled for that store (TC_C_57/58).
        if (online && canAsk && !postAuthorizeDisabled)
        {
            return null;
        }

        return new AuthorizationDecision(info, source);
    }

    private static AuthorizationDecision Restrict(AuthorizationDecision decision, AuthorizationQuery query, AuthorizationSettings settings)
    {
        if (!decision.Accepted || decision.Source == AuthorizationSource.FreeVend)
        {
            return decision;
        }

        if (settings.MasterPassGroupId is { } masterPass && string.Equals(decision.Info.GroupIdToken?.IdToken, masterPass, StringComparison.Ordinal))
        {
            // C16.FR.02/03, C12.FR.09: a master pass stops everything but never starts a transaction.
            return query.Purpose == AuthorizationPurpose.Stop
                ? decision with { IsMasterPass = true }
                : decision with { Info = decision.Info with { Status = AuthorizationStatusEnumType.NotAtThisTime }, IsMasterPass = true };
        }

        if (query.Purpose != AuthorizationPurpose.Stop && query.EvseId is { } evseId && decision.Info.EvseId is { Length: > 0 } allowed && !allowed.Contains(evseId))
        {
            // C01.FR.21: only the EVSEs the CSMS listed may charge with this token.
            return decision with { Info = decision.Info with { Status = AuthorizationStatusEnumType.NotAtThisLocation } };
        }

        return decision;
    }

    private async Task<AuthorizeResponse?> CallAuthorizeAsync(AuthorizationQuery query, IdTokenKey key, CancellationToken cancellationToken)
    {
        var sender = _sender!;
        var request = new AuthorizeRequest
        {
            IdToken = query.IdToken,
            Certificate = query.Certificate,
            Iso15118CertificateHashData = query.Iso15118CertificateHashData is { Count: > 0 } data ? [.. data] : null,
        };

        // The connection times a CALL out after its MessageTimeout (the active network profile's messageTimeout, B09, not
        // necessarily MessageTimeout[Default]); twice that also covers waiting behind another CALL in flight or a
        // reconnect, so a driver at the reader gets an (offline) answer instead of a hang.
        var callTimeout = _messageTimeout?.Invoke() ?? TimeSpan.FromSeconds(Math.Max(1, _model.GetInt(DeviceModelCatalog.OcppCommCtrlr, "MessageTimeout", 30, "Default")));
        var timeout = 2 * (callTimeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : callTimeout);
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await sender.CallAsync<AuthorizeRequest, AuthorizeResponse>(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            AuthorizationLog.AuthorizeFailed(_logger, key, ex);
            return null;
        }
    }

    private void Remember(IdTokenType idToken, IdTokenInfoType info, AuthorizationSettings settings)
    {
        var key = IdTokenKey.Of(idToken);

        // C02.FR.03 / C05.FR.02: NoAuthorization and Central tokens never enter the cache; C10.FR.11: nor anything while disabled.
        if (!settings.CacheEnabled || IsNeverCached(key))
        {
            return;
        }

        try
        {
            Cache.Put(idToken, info);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A full disk must not turn an Accepted answer into a refusal: the decision stands, the cache misses it.
            AuthorizationLog.CacheWriteFailed(_logger, key, ex);
        }
    }

    private void SyncCacheSettings()
    {
        Cache.LifeTime = TimeSpan.FromSeconds(Math.Max(0, _model.GetInt(DeviceModelCatalog.AuthCacheCtrlr, "LifeTime", 86400)));
        Cache.Policy = Enum.TryParse<AuthCachePolicy>(_model.GetValue(VariableKey.Of(DeviceModelCatalog.AuthCacheCtrlr, "Policy")), ignoreCase: true, out var policy)
            ? policy
            : AuthCachePolicy.LRU;
    }

    private void PublishCacheSize()
    {
        _model.SetByStation(VariableKey.Of(DeviceModelCatalog.AuthCacheCtrlr, "Entries"), Cache.Count.ToString(CultureInfo.InvariantCulture));
        _model.SetByStation(VariableKey.Of(DeviceModelCatalog.AuthCacheCtrlr, "Storage"), Cache.StorageBytes.ToString(CultureInfo.InvariantCulture));
    }

    private void PublishListSize()
    {
        _model.SetByStation(VariableKey.Of(DeviceModelCatalog.LocalAuthListCtrlr, "Entries"), LocalList.Count.ToString(CultureInfo.InvariantCulture));
        _model.SetByStation(VariableKey.Of(DeviceModelCatalog.LocalAuthListCtrlr, "Storage"), LocalList.StorageBytes.ToString(CultureInfo.InvariantCulture));
    }
}
