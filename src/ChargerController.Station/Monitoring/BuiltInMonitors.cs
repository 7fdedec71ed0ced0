using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// The monitors the firmware ships, derived from the device model so their ids are stable across reboots:
/// hard-wired Delta monitors on every fault <c>Problem</c>/<c>Tripped</c> variable (fed by the EVSE fault path), then
/// preconfigured Delta monitors on every <c>AvailabilityState</c> (the G01 NotifyEvent reporting; active unless the
/// CSMS chose HardWiredOnly or cleared them).
/// </summary>
public static class BuiltInMonitors
{
    /// <summary>Custom monitor ids start here, above every built-in id.</summary>
    public const int FirstCustomId = 1000;

    /// <summary>Severity of the AvailabilityState monitors (8 = Informational).</summary>
    public const int AvailabilitySeverity = 8;

    /// <summary>Builds the built-in monitors.</summary>
    /// <param name="definitions">The device model's variables.</param>
    /// <returns>The monitors, ids 1…n.</returns>
    public static IReadOnlyList<VariableMonitor> Create(IEnumerable<VariableDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var ordered = definitions.OrderBy(d => d.Key.EvseId ?? 0).ThenBy(d => d.Key.ConnectorId ?? 0).ThenBy(d => d.Key.ToStorageKey(), StringComparer.Ordinal).ToList();
        var monitors = new List<VariableMonitor>();
        foreach (var definition in ordered.Where(IsFaultVariable))
        {
            // N04.FR.17: value 1 for a Delta monitor on a non-numeric variable.
            monitors.Add(new VariableMonitor(monitors.Count + 1, definition.Key, MonitorEnumType.Delta, 1, FaultVariableMap.SeverityOf(definition.Key), MonitorOrigin.HardWired) { FaultDriven = true });
        }

        foreach (var definition in ordered.Where(d => string.Equals(d.Key.Variable, "AvailabilityState", StringComparison.OrdinalIgnoreCase)))
        {
            monitors.Add(new VariableMonitor(monitors.Count + 1, definition.Key, MonitorEnumType.Delta, 1, AvailabilitySeverity, MonitorOrigin.Preconfigured));
        }

        return monitors;
    }

    private static bool IsFaultVariable(VariableDefinition definition)
    {
        var key = definition.Key;
        if (key.EvseId is null)
        {
            return false;
        }

        if (key.ConnectorId is not null)
        {
            return string.Equals(key.Component, DeviceModelCatalog.Connector, StringComparison.OrdinalIgnoreCase) && string.Equals(key.Variable, "Problem", StringComparison.OrdinalIgnoreCase);
        }

        return DeviceModelCatalog.FaultVariables.Any(f => string.Equals(f.Component, key.Component, StringComparison.OrdinalIgnoreCase) && string.Equals(f.Variable, key.Variable, StringComparison.OrdinalIgnoreCase));
    }
}
