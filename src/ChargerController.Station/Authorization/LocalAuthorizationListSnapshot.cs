using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.Authorization;

/// <summary>The stored local authorization list (D01): its version and its entries (each with idTokenInfo).</summary>
/// <param name="Version">The version number; 0 when the CSMS never sent a list (D02.FR.02).</param>
/// <param name="Entries">The entries.</param>
public sealed record LocalAuthorizationListSnapshot(int Version, IReadOnlyList<AuthorizationData> Entries)
{
    /// <summary>Gets the state before any SendLocalList.</summary>
    public static LocalAuthorizationListSnapshot Empty { get; } = new(0, []);
}
