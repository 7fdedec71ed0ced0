namespace ChargerController.Station.Monitoring;

/// <summary>Where a monitor comes from (N03 remarks): it decides what SetMonitoringBase and ClearVariableMonitoring may do to it.</summary>
public enum MonitorOrigin
{
    /// <summary>Built into the firmware: never cleared, replaced or disabled (N04.FR.18, N06.FR.03).</summary>
    HardWired,

    /// <summary>Shipped active; disabled by HardWiredOnly, re-activated by All/FactoryDefault (N03.FR.03-05).</summary>
    Preconfigured,

    /// <summary>Installed by the CSMS (or a replaced preconfigured monitor, N04.FR.15); persisted (N07.FR.13).</summary>
    Custom,
}
