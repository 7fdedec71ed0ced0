namespace ChargerController.Station.DeviceModel;

/// <summary>
/// Identifies one variable of the device model: component (name, instance, EVSE, connector) and variable (name,
/// instance), compared case-insensitively because the spec's names are case-insensitive (Part 2 §2.2 "Device model").
/// </summary>
/// <param name="Component">Component name, e.g. <c>OCPPCommCtrlr</c>.</param>
/// <param name="ComponentInstance">Component instance, or null.</param>
/// <param name="EvseId">EVSE id of the component, or null for station-level components.</param>
/// <param name="ConnectorId">Connector id of the component, or null.</param>
/// <param name="Variable">Variable name, e.g. <c>HeartbeatInterval</c>.</param>
/// <param name="VariableInstance">Variable instance, or null.</param>
public sealed record VariableKey(string Component, string? ComponentInstance, int? EvseId, int? ConnectorId, string Variable, string? VariableInstance)
{
    /// <summary>Creates a key of a station-level component variable.</summary>
    /// <param name="component">Component name.</param>
    /// <param name="variable">Variable name.</param>
    /// <param name="variableInstance">Variable instance.</param>
    /// <returns>The key.</returns>
    public static VariableKey Of(string component, string variable, string? variableInstance = null) => new(component, null, null, null, variable, variableInstance);

    /// <summary>Gets the canonical text form used as the storage key, e.g. <c>EVSE@1/AvailabilityState</c>.</summary>
    /// <returns>The storage key (lower case, stable across releases).</returns>
    public string ToStorageKey()
    {
        var component = ComponentInstance is null ? Component : $"{Component}[{ComponentInstance}]";
        var location = EvseId is null ? string.Empty : ConnectorId is null ? $"@{EvseId}" : $"@{EvseId}.{ConnectorId}";
        var variable = VariableInstance is null ? Variable : $"{Variable}[{VariableInstance}]";
        return $"{component}{location}/{variable}".ToUpperInvariant();
    }

    /// <inheritdoc/>
    public override string ToString() => ToStorageKey();
}
