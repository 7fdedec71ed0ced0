using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.DisplayMessages;

/// <summary>
/// Wraps the station's <see cref="IIdTokenAuthorizer"/> and hands every IdTokenInfo it sees (AuthorizeResponse, local
/// list, cache, TransactionEventResponse) to the <see cref="DriverLanguageTracker"/>, so the display shows messages in the
/// driver's language1 or language2 (C01.FR.08/09, O01.FR.08). Decisions pass through unchanged.
/// </summary>
public sealed class DriverLanguageAuthorizer : IIdTokenAuthorizer
{
    private readonly IIdTokenAuthorizer _inner;
    private readonly DriverLanguageTracker _tracker;

    /// <summary>Initializes a new instance of the <see cref="DriverLanguageAuthorizer"/> class.</summary>
    /// <param name="inner">The authorizer that decides.</param>
    /// <param name="tracker">Receives the driver's languages.</param>
    public DriverLanguageAuthorizer(IIdTokenAuthorizer inner, DriverLanguageTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(tracker);
        _inner = inner;
        _tracker = tracker;
    }

    /// <inheritdoc/>
    public async ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken)
    {
        var decision = await _inner.AuthorizeAsync(idToken, evseId, purpose, cancellationToken).ConfigureAwait(false);
        _tracker.OnAuthorized(decision.Info);
        return decision;
    }

    /// <inheritdoc/>
    public async ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationQuery query, CancellationToken cancellationToken)
    {
        var decision = await _inner.AuthorizeAsync(query, cancellationToken).ConfigureAwait(false);
        _tracker.OnAuthorized(decision.Info);
        return decision;
    }

    /// <inheritdoc/>
    public void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info)
    {
        _inner.OnIdTokenInfoReceived(idToken, info);
        if (info is not null)
        {
            _tracker.OnInfoReceived(info);
        }
    }
}
