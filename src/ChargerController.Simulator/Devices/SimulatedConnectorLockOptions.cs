namespace ChargerController.Simulator.Devices;

/// <summary>Wiring and timing of a simulated connector lock.</summary>
public sealed record SimulatedConnectorLockOptions
{
    /// <summary>Whether a feedback switch is wired.</summary>
    public bool HasFeedback { get; init; } = true;

    /// <summary>Time the actuator takes to move.</summary>
    public TimeSpan ActuationTime { get; init; } = TimeSpan.FromMilliseconds(300);
}
