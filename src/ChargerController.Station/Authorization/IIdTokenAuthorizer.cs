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
    /// Authorizes a token with the ISO 15118 certificate data (C07) passed through to the AuthorizeRequest. The default
    /// ignores that data, so implementations written against the first version of this seam keep working.
    /// </summary>
    /// <param name="query">Token, EVSE, purpose and certificate data.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The decision.</returns>
    ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AuthorizeAsync(query.IdToken, query.EvseId, query.Purpose, cancellationToken);
    }

    /// <summary>
    /// Takes an IdTokenInfo the CSMS returned outside Authorize (TransactionEventResponse, C10.FR.05 / C12): updates the
    /// cache.
    /// </summary>
    /// <param name="idToken">The token.</param>
    /// <param name="info">What the CSMS said.</param>
    void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info);
}
