using ChargerController.Simulator.Ev;

namespace ChargerController.Simulator.Devices;

/// <summary>Options for every simulated device of one EVSE.</summary>
public sealed record SimulatedEvseOptions
{
    /// <summary>The EV.</summary>
    public SimulatedEvOptions Ev { get; init; } = new();

    /// <summary>The contactor(s).</summary>
    public SimulatedContactorOptions Contactor { get; init; } = new();

    /// <summary>The meter.</summary>
    public SimulatedMeterOptions Meter { get; init; } = new();

    /// <summary>The connector lock.</summary>
    public SimulatedConnectorLockOptions ConnectorLock { get; init; } = new();

    /// <summary>The residual-current monitor.</summary>
    public SimulatedResidualCurrentMonitorOptions ResidualCurrentMonitor { get; init; } = new();
}
