using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Sessions;

/// <summary>
/// Lets a legacy <see cref="ITokenAuthorizer"/> stand behind <see cref="IIdTokenAuthorizer"/>, so hosts that still
/// construct the coordinator with one keep working while the authorization block takes over.
/// </summary>
internal sealed class IdTokenAuthorizerAdapter : IIdTokenAuthorizer
{
    private readonly ITokenAuthorizer _inner;

    public IdTokenAuthorizerAdapter(ITokenAuthorizer inner) => _inner = inner;

    public async ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        var decision = await _inner.AuthorizeAsync(idToken.IdToken, cancellationToken).ConfigureAwait(false);
        var status = decision.Accepted
            ? AuthorizationStatusEnumType.Accepted
            : Enum.TryParse<AuthorizationStatusEnumType>(decision.Reason, out var parsed) ? parsed : AuthorizationStatusEnumType.Invalid;
        return new AuthorizationDecision(new IdTokenInfoType { Status = status }, AuthorizationSource.LocalList);
    }

    public void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info)
    {
        // The legacy authorizer keeps no cache.
    }
}
