using ChargerController.Ocpp.Enums;
using ChargerController.Station.DeviceModel;

namespace ChargerController.Station.Monitoring;

/// <summary>One variable monitor (VariableMonitoringType plus what the station needs to evaluate and persist it).</summary>
/// <param name="Id">The monitor id (stable across reboots for built-in monitors).</param>
/// <param name="Key">The monitored component/variable.</param>
/// <param name="Type">The monitor type.</param>
/// <param name="Value">Threshold, delta, relative factor or period in seconds, depending on <paramref name="Type"/>.</param>
/// <param name="Severity">Severity 0 (Danger) … 9 (Debug).</param>
/// <param name="Origin">Hard-wired, preconfigured or custom.</param>
public sealed record VariableMonitor(int Id, VariableKey Key, MonitorEnumType Type, decimal Value, int Severity, MonitorOrigin Origin)
{
    /// <summary>Gets a value indicating whether the monitor only applies during a transaction (reported as given; no transaction filter applied).</summary>
    public bool Transaction { get; init; }

    /// <summary>Gets the periodic event stream requested for this monitor, if any (N11.FR.01).</summary>
    public StreamParameters? Stream { get; init; }

    /// <summary>
    /// Gets a value indicating whether the EVSE fault path (not value changes) triggers this monitor: hard-wired
    /// <c>Problem</c> monitors report each fault with its techCode.
    /// </summary>
    public bool FaultDriven { get; init; }

    /// <summary>Gets a value indicating whether this preconfigured monitor was cleared by the CSMS (kept as a tombstone until SetMonitoringBase).</summary>
    public bool Suppressed { get; init; }

    /// <summary>Gets the <c>eventNotificationType</c> of this monitor's events and report entries (N02.FR.22).</summary>
    public EventNotificationEnumType NotificationType => Origin switch
    {
        MonitorOrigin.HardWired => EventNotificationEnumType.HardWiredMonitor,
        MonitorOrigin.Preconfigured => EventNotificationEnumType.PreconfiguredMonitor,
        _ => EventNotificationEnumType.CustomMonitor,
    };
}
