namespace ChargerController.Station.Reservations;

/// <summary>One EVSE as the reservation rules see it.</summary>
/// <param name="EvseId">EVSE id.</param>
/// <param name="State">Its state.</param>
/// <param name="ConnectorTypes">The types of its connectors (<c>ConnectorEnumType</c> wire values, e.g. <c>cType2</c>).</param>
public sealed record EvseView(int EvseId, EvseState State, IReadOnlyList<string> ConnectorTypes)
{
    /// <summary>Gets whether the EVSE has a connector of <paramref name="connectorType"/>.</summary>
    /// <param name="connectorType">The type.</param>
    /// <returns>True when it has one.</returns>
    public bool Has(string connectorType) => ConnectorTypes.Contains(connectorType, StringComparer.OrdinalIgnoreCase);
}
