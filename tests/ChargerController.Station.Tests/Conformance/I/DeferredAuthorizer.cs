using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Authorization;
using ChargerController.Station.Runtime;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// The authorizer the rig's sessions ask: the real <see cref="AuthorizationService"/> (attached as a module), wrapped by
/// the tariff block's <see cref="Station.Tariffs.TariffAuthorizer"/> once the tariff module exists (the rig creates the
/// authorizer before the EVSE-dependent modules).
/// </summary>
public sealed class DeferredAuthorizer(AuthorizationService service) : IIdTokenAuthorizer, IStationModule
{
    public AuthorizationService Service { get; } = service;

    public IIdTokenAuthorizer? Outer { get; set; }

    public ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken) =>
        (Outer ?? Service).AuthorizeAsync(new AuthorizationQuery(idToken, evseId, purpose), cancellationToken);

    public ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationQuery query, CancellationToken cancellationToken) =>
        (Outer ?? Service).AuthorizeAsync(query, cancellationToken);

    public void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info) => Service.OnIdTokenInfoReceived(idToken, info);

    public void Attach(StationModuleContext context) => Service.Attach(context);
}
