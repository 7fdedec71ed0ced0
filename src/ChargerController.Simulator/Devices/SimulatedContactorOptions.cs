namespace ChargerController.Simulator.Devices;

/// <summary>Wiring and timing of a simulated contactor.</summary>
public sealed record SimulatedContactorOptions
{
    /// <summary>Whether a second contactor K2 (L2 + L3) allows single-phase charging.</summary>
    public bool SupportsPhaseSwitching { get; init; } = true;

    /// <summary>Whether mirror contacts are wired.</summary>
    public bool HasFeedback { get; init; } = true;

    /// <summary>Time from a command until the mirror contact reports the new position (pick-up / drop-out).</summary>
    public TimeSpan FeedbackDelay { get; init; } = TimeSpan.FromMilliseconds(30);
}
