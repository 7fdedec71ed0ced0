using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>
/// Accepts every token (AuthCtrlr.Enabled false, a private wallbox, or a test station). Stands in until the
/// authorization block's local list / cache / Authorize implementation is registered.
/// </summary>
public sealed class AcceptAllIdTokenAuthorizer : IIdTokenAuthorizer
{
    /// <inheritdoc/>
    public ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(AuthorizationDecision.Accept(AuthorizationSource.FreeVend));
    }

    /// <inheritdoc/>
    public void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info)
    {
        // Nothing is cached.
    }
}
