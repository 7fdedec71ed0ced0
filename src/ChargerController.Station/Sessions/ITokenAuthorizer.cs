namespace ChargerController.Station.Sessions;

/// <summary>
/// Decides whether an IdToken may start a session. The seam for the authorization block (OCPP C: local list, cache,
/// AuthorizeRequest to the CSMS), which replaces <see cref="AcceptAllAuthorizer"/> when it arrives.
/// </summary>
public interface ITokenAuthorizer
{
    /// <summary>Checks a token.</summary>
    /// <param name="idToken">The token (card UID in upper-case hex, or the id given for a remote start).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The decision.</returns>
    ValueTask<TokenDecision> AuthorizeAsync(string idToken, CancellationToken cancellationToken);
}
