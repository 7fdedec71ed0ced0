using System.Globalization;
using ChargerController.Control.Wire;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Authorization;
using ChargerController.Station.Control;

namespace ChargerController.Worker.Ocpp;

/// <summary>
/// <c>chargerctl auth list|add|remove</c> on the OCPP local authorization list (block D). A technician's change is
/// applied as a Differential update with the next version number: the list really changed, so GetLocalListVersion
/// must tell the CSMS (D02) and its next SendLocalList, Full, puts it back in charge of the list.
/// </summary>
internal sealed class LocalAuthListAdmin(AuthorizationService authorization) : ILocalAuthListAdmin
{
    public ValueTask<AuthList> ListAsync(CancellationToken cancellationToken)
    {
        var list = authorization.LocalList;
        var entries = list.Entries()
            .Select(e => new AuthListEntry(e.IdToken.IdToken, e.IdToken.Type, e.IdTokenInfo?.Status.ToString() ?? "Accepted", e.IdTokenInfo?.CacheExpiryDateTime))
            .OrderBy(e => e.IdToken, StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult(new AuthList(list.Version, entries));
    }

    public ValueTask<ControlOutcome> AddOrUpdateAsync(AuthListEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Enum.TryParse<AuthorizationStatusEnumType>(entry.Status, ignoreCase: true, out var status))
        {
            return ValueTask.FromResult(ControlOutcome.Invalid($"unknown status '{entry.Status}' (Accepted, Blocked, Expired, Invalid …)"));
        }

        var data = new AuthorizationData
        {
            IdToken = new IdTokenType { IdToken = entry.IdToken, Type = entry.Type },
            IdTokenInfo = new IdTokenInfoType { Status = status, CacheExpiryDateTime = entry.ExpiresAt },
        };
        return ValueTask.FromResult(Apply(data, $"{entry.IdToken} ({entry.Type}) is now {status}"));
    }

    public ValueTask<ControlOutcome> RemoveAsync(string idToken, string type, CancellationToken cancellationToken)
    {
        if (authorization.LocalList.Find(new IdTokenKey(idToken, type)) is null)
        {
            return ValueTask.FromResult(new ControlOutcome(false, ControlErrorCodes.NotFound, $"{idToken} ({type}) is not in the local list"));
        }

        // D01.FR.15: a Differential entry without idTokenInfo removes the token.
        var data = new AuthorizationData { IdToken = new IdTokenType { IdToken = idToken, Type = type } };
        return ValueTask.FromResult(Apply(data, $"{idToken} ({type}) removed"));
    }

    private ControlOutcome Apply(AuthorizationData data, string done)
    {
        var list = authorization.LocalList;
        var (status, reason) = list.Apply(UpdateEnumType.Differential, list.Version + 1, [data]);
        return status == SendLocalListStatusEnumType.Accepted
            ? ControlOutcome.Done(done + string.Create(CultureInfo.InvariantCulture, $"; local list version {list.Version}"))
            : ControlOutcome.Refused($"the local list refused the change: {status} {reason}");
    }
}
