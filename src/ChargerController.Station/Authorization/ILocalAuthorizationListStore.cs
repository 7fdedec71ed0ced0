using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>
/// Durable storage of the local authorization list (D01.FR.10: non-volatile, across reboots and power outages). Every
/// update is one transaction, durable before the SendLocalListResponse goes out; a failure leaves the previous list
/// intact and is answered <c>Failed</c>.
/// </summary>
public interface ILocalAuthorizationListStore
{
    /// <summary>Loads the list.</summary>
    /// <returns>The version and entries.</returns>
    LocalAuthorizationListSnapshot Load();

    /// <summary>Replaces the whole list (updateType Full, D01.FR.04/15).</summary>
    /// <param name="version">The new version number.</param>
    /// <param name="entries">The new entries (each with idTokenInfo, unique).</param>
    void Replace(int version, IReadOnlyList<AuthorizationData> entries);

    /// <summary>Applies a differential update (D01.FR.16/17) and sets the version.</summary>
    /// <param name="version">The new version number.</param>
    /// <param name="upserts">Entries to insert or replace.</param>
    /// <param name="removals">Tokens to remove.</param>
    void Apply(int version, IReadOnlyList<AuthorizationData> upserts, IReadOnlyList<IdTokenKey> removals);
}
