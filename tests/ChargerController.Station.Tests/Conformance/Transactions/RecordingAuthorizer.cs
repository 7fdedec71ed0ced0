using System.Collections.Concurrent;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>An authorizer with a fixed answer per token (default Accepted) that records what it was asked and told.</summary>
internal sealed class RecordingAuthorizer : IIdTokenAuthorizer
{
    private readonly Dictionary<string, IdTokenInfoType> _answers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<(string IdToken, AuthorizationPurpose Purpose)> Asked { get; } = new();

    public ConcurrentQueue<(string IdToken, AuthorizationStatusEnumType Status)> Received { get; } = new();

    public RecordingAuthorizer Answer(string idToken, AuthorizationStatusEnumType status, string? group = null)
    {
        _answers[idToken] = new IdTokenInfoType { Status = status, GroupIdToken = group is null ? null : new IdTokenType { IdToken = group, Type = "Central" } };
        return this;
    }

    public ValueTask<AuthorizationDecision> AuthorizeAsync(IdTokenType idToken, int? evseId, AuthorizationPurpose purpose, CancellationToken cancellationToken)
    {
        Asked.Enqueue((idToken.IdToken, purpose));
        var info = _answers.GetValueOrDefault(idToken.IdToken) ?? new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted };
        return ValueTask.FromResult(new AuthorizationDecision(info, AuthorizationSource.LocalList));
    }

    public void OnIdTokenInfoReceived(IdTokenType idToken, IdTokenInfoType info) => Received.Enqueue((idToken.IdToken, info.Status));
}
