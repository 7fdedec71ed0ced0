namespace ChargerController.Station.Authorization;

/// <summary>Why a token is being authorized; the rules differ (AuthorizeRemoteStart, stop by group, master pass).</summary>
public enum AuthorizationPurpose
{
    /// <summary>A token presented to start charging (card, button).</summary>
    Start,

    /// <summary>A RequestStartTransaction idToken (F01/F02, AuthorizeRemoteStart).</summary>
    RemoteStart,

    /// <summary>A token presented while a transaction runs, possibly to stop it (C01.FR.x, C09 group, C16 master pass).</summary>
    Stop,
}
