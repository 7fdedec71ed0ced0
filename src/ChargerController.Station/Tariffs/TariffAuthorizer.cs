using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tariffs;

/// <summary>
/// Wraps the station's <see cref="IIdTokenAuthorizer"/> for block I: an accepted token's personal message is shown
/// (I01.FR.03), else the fallback tariff text (I04.FR.01); a driver-specific tariff of the AuthorizeResponse is
/// validated and kept for the token's transaction (I08.FR.04), and one that cannot be processed is handled per
/// HandleFailedTariff (I08.FR.30-33).
/// </summary>
public sealed class TariffAuthorizer : IIdTokenAuthorizer
{
    private readonly IIdTokenAuthorizer _inner;
    private readonly TariffModule _module;

    /// <summary>Initializes a new instance of the <see cref="TariffAuthorizer"/> class.</summary>
    /// <param name="inner">The authorizer it wraps.</param>
    /// <param name="module">The tariff block.</param>
    public TariffAuthorizer(IIdTokenAuthorizer inner, TariffModule module)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(module);
        _inner = inner;
        _module = module;
    }

    /// <summary>Gets the wrapped authorizer.</summary>
    public IIdTokenAuthorizer Inner => _inner;

    /// <inheritdoc/>
    public ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken) =>
        AuthorizeAsync(new AuthorizationQuery(idToken, evseId, purpose), cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var decision = await _inner.AuthorizeAsync(query, cancellationToken).ConfigureAwait(false);
        if (!decision.Accepted || query.Purpose == AuthorizationPurpose.Stop)
        {
            return decision;
        }

        try
        {
            return await ApplyAsync(query.IdToken, decision).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Not attached to a runtime yet: the decision stands without tariff handling.
            return decision;
        }
    }

    /// <inheritdoc/>
    public void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info) => _inner.OnIdTokenInfoReceived(idToken, info);

    private async Task<AuthorizationDecision> ApplyAsync(IdTokenType idToken, AuthorizationDecision decision)
    {
        var settings = _module.Settings();
        if (decision.Tariff is { } tariff && settings.TariffEnabled)
        {
            if (!await _module.TakeDriverTariffAsync(idToken.IdToken, tariff).ConfigureAwait(false))
            {
                // I08.FR.37 (errata numbering) HandleFailedTariff=Deauthorize: the token may not charge.
                return decision with { Info = decision.Info with { Status = AuthorizationStatusEnumType.Invalid } };
            }

            if (decision.Info.PersonalMessage is { Content: { Length: > 0 } message })
            {
                _module.Display.Show(message);
            }

            return decision;
        }

        if (decision.Info.PersonalMessage is { Content: { Length: > 0 } content })
        {
            // I01.FR.03: the driver-specific tariff text.
            _module.Display.Show(content);
        }
        else
        {
            // I04.FR.01: no driver-specific tariff information (offline, cache, or none sent).
            _module.ShowTariffFallback(decision.Source != AuthorizationSource.Csms);
        }

        return decision;
    }
}
