using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Reservations;

/// <summary>One accepted ReserveNow (H01): who may use it, where, and until when.</summary>
/// <param name="Id">The CSMS's reservation id (ReserveNowRequest.id; a new request with the same id replaces it, H01.FR.02).</param>
/// <param name="ExpiryDateTime">When it ends unused (H04).</param>
/// <param name="IdToken">The token it is held for.</param>
/// <param name="GroupIdToken">The group whose members may use it too (H03.FR.04-06), or null.</param>
/// <param name="EvseId">The reserved EVSE, or null for any EVSE / any EVSE with <paramref name="ConnectorType"/>.</param>
/// <param name="ConnectorType">The connector type asked for (<c>ConnectorEnumType</c> wire value), or null.</param>
public sealed record Reservation(int Id, DateTimeOffset ExpiryDateTime, IdTokenType IdToken, IdTokenType? GroupIdToken, int? EvseId, string? ConnectorType)
{
    /// <summary>Gets whether a specific EVSE is reserved (not "any EVSE" or "any EVSE of a connector type").</summary>
    public bool IsEvseSpecific => EvseId is not null;

    /// <summary>
    /// Gets whether a presented token may use this reservation: the same idToken (value case-insensitive as the
    /// IdTokenType definition says, same type), or a group token equal to the reservation's groupIdToken (H03.FR.04-06).
    /// The group is compared by value only: the group of a card comes from the list, the cache or an Authorize answer and
    /// its type is not always the one the CSMS put in the ReserveNow.
    /// </summary>
    /// <param name="idToken">The token presented.</param>
    /// <param name="groupIdToken">Its group, when known.</param>
    /// <returns>True when it matches.</returns>
    public bool Matches(IdTokenType idToken, IdTokenType? groupIdToken)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        if (string.Equals(IdToken.IdToken, idToken.IdToken, StringComparison.OrdinalIgnoreCase)
            && string.Equals(IdToken.Type, idToken.Type, StringComparison.Ordinal))
        {
            return true;
        }

        return GroupIdToken is { } group && groupIdToken is { } presented
            && string.Equals(group.IdToken, presented.IdToken, StringComparison.OrdinalIgnoreCase);
    }
}
