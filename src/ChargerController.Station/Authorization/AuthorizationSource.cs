namespace ChargerController.Station.Authorization;

/// <summary>Where an authorization decision came from (logged, shown by chargerctl, and needed for post-authorization rules).</summary>
public enum AuthorizationSource
{
    /// <summary>The CSMS answered an AuthorizeRequest.</summary>
    Csms,

    /// <summary>The local authorization list (D).</summary>
    LocalList,

    /// <summary>The authorization cache (C10-C12).</summary>
    Cache,

    /// <summary>Accepted offline for an unknown id (OfflineTxForUnknownIdEnabled, C15).</summary>
    OfflineUnknown,

    /// <summary>No authorization needed (AuthCtrlr.Enabled false / free vend).</summary>
    FreeVend,

    /// <summary>
    /// Nobody knew the token and nobody could be asked (offline without OfflineTxForUnknownIdEnabled, or
    /// DisableRemoteAuthorization): the decision is a refusal with status <c>Unknown</c>.
    /// </summary>
    None,
}
