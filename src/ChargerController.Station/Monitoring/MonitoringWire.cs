using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <summary>Conversions between <see cref="VariableKey"/> and the wire's component/variable types.</summary>
public static class MonitoringWire
{
    /// <summary>The wire component of a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The component.</returns>
    public static ComponentType Component(VariableKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ComponentType
        {
            Name = key.Component,
            Instance = key.ComponentInstance,
            Evse = key.EvseId is { } evse ? new EVSEType { Id = evse, ConnectorId = key.ConnectorId } : null,
        };
    }

    /// <summary>The wire variable of a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The variable.</returns>
    public static VariableType Variable(VariableKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new VariableType { Name = key.Variable, Instance = key.VariableInstance };
    }

    /// <summary>The key the CSMS names.</summary>
    /// <param name="component">Component.</param>
    /// <param name="variable">Variable.</param>
    /// <returns>The key.</returns>
    public static VariableKey KeyOf(ComponentType component, VariableType variable)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(variable);
        return new VariableKey(component.Name, component.Instance, component.Evse?.Id, component.Evse?.ConnectorId, variable.Name, variable.Instance);
    }

    /// <summary>Whether a GetMonitoringReport componentVariable selects a key (N02.FR.16-21: absent parts select all).</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="key">The key.</param>
    /// <returns>True when selected.</returns>
    public static bool Matches(ComponentVariableType filter, VariableKey key)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(key);
        var c = filter.Component;
        if (!Same(c.Name, key.Component) || (c.Instance is not null && !Same(c.Instance, key.ComponentInstance)))
        {
            return false;
        }

        if (c.Evse is { } evse && (evse.Id != key.EvseId || (evse.ConnectorId is { } connector && connector != key.ConnectorId)))
        {
            return false;
        }

        return filter.Variable is not { } variable
            || (Same(variable.Name, key.Variable) && (variable.Instance is null || Same(variable.Instance, key.VariableInstance)));
    }

    /// <summary>Whether two keys name the same variable (names are case-insensitive).</summary>
    /// <param name="a">A.</param>
    /// <param name="b">B.</param>
    /// <returns>True when equal.</returns>
    public static bool SameKey(VariableKey a, VariableKey b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a.ToStorageKey(), b.ToStorageKey(), StringComparison.Ordinal);
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
