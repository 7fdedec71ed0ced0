namespace ChargerController.Simulator.Devices;

/// <summary>Wiring and timing of a simulated residual-current monitor.</summary>
public sealed record SimulatedResidualCurrentMonitorOptions
{
    /// <summary>Whether the module's test input is wired.</summary>
    public bool SupportsSelfTest { get; init; } = true;

    /// <summary>Time from asserting the test input to the fault output going active (a passing module).</summary>
    public TimeSpan TestResponseTime { get; init; } = TimeSpan.FromMilliseconds(100);
}
