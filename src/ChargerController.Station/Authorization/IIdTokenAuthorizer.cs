using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>
/// Decides whether an IdToken may start (or stop) charging: local authorization list, authorization cache, Authorize
/// to the CSMS, offline rules and free vend (block C/D). The transaction layer asks it; the authorization block
/// implements it.
/// </summary>
public interface IIdTokenAuthorizer
{
    /// <summary>Authorizes a token.</summary>
    /// <param name="idToken">The token (RFID UID upper-case hex for ISO14443, the remote-start token, the button's token).</param>
    /// <param name="evseId">The EVSE it is for, when known (C01: evseId restrictions in IdTokenInfo).</param>
    /// <param name="purpose">Why it is asked.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The decision, with the IdTokenInfo to use (groupIdToken for stop rules, personal message …).</returns>
    ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken);

    /// <summary>
    /// Takes an IdTokenInfo the CSMS returned outside Authorize (TransactionEventResponse, C10.FR.05 / C12): updates the
    /// cache.
    /// </summary>
    /// <param name="idToken">The token.</param>
    /// <param name="info">What the CSMS said.</param>
    void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info);
}
