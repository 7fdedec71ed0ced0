using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.DeviceModel;

/// <content>
/// MonitoringCtrlr (N02-N08, N11-N15) and the <c>Problem</c>/<c>Tripped</c> variables of the EVSE parts the control
/// loop supervises; the hard-wired monitors of <c>Monitoring/BuiltInMonitors</c> watch those.
/// </content>
public static partial class DeviceModelCatalog
{
    /// <summary>The monitoring controller component.</summary>
    public const string MonitoringCtrlr = "MonitoringCtrlr";

    private const string MonitoringBases = "All,FactoryDefault,HardWiredOnly";

    /// <summary>Gets the EVSE-level components whose <c>Problem</c> (or <c>Tripped</c>) the EVSE faults set, in a stable order.</summary>
    public static IReadOnlyList<(string Component, string Variable)> FaultVariables { get; } =
    [
        ("CPPWMController", "Problem"),
        ("PowerContactor", "Problem"),
        ("RCD", "Tripped"),
        ("RCD", "Problem"),
        ("ControlMetering", "Problem"),
        ("ConnectorPlugRetentionLock", "Problem"),
        ("Controller", "Problem"),
        (Evse, "Problem"),
    ];

    static partial void AddMonitoring(List<VariableDefinition> list, StationIdentity identity)
    {
        list.Add(Bool(MonitoringCtrlr, "Available", "true", ro: true));
        list.Add(Bool(MonitoringCtrlr, "Enabled", "true"));
        foreach (var message in (string[])["SetVariableMonitoring", "ClearVariableMonitoring"])
        {
            list.Add(Int(MonitoringCtrlr, "ItemsPerMessage", "20", ro: true, instance: message));
            list.Add(Int(MonitoringCtrlr, "BytesPerMessage", "65000", ro: true, instance: message));
        }

        // N07.FR.04: 0-9; events at or below it are queued while offline. Hardware faults (0-2) by default.
        list.Add(Int(MonitoringCtrlr, "OfflineQueuingSeverity", "2", min: 0, max: 9));
        foreach (var name in (string[])["ActiveMonitoringBase", "MonitoringBase"])
        {
            list.Add(new VariableDefinition(VariableKey.Of(MonitoringCtrlr, name), DataEnumType.OptionList, MutabilityEnumType.ReadOnly, "All") { ValuesList = MonitoringBases });
        }

        list.Add(Int(MonitoringCtrlr, "ActiveMonitoringLevel", "9", ro: true, min: 0, max: 9));
        list.Add(Int(MonitoringCtrlr, "MonitoringLevel", "9", ro: true, min: 0, max: 9));
        list.Add(Int(MonitoringCtrlr, "MaxPeriodicEventStreams", "8", ro: true));

        for (var evse = 1; evse <= identity.EvseCount; evse++)
        {
            foreach (var (component, variable) in FaultVariables)
            {
                list.Add(Problem(new VariableKey(component, null, evse, null, variable, null)));
            }

            list.Add(Problem(new VariableKey(Connector, null, evse, 1, "Problem", null)));
        }
    }

    private static VariableDefinition Problem(VariableKey key) =>
        new(key, DataEnumType.Boolean, MutabilityEnumType.ReadOnly, "false") { Persistent = false };
}
