namespace ChargerController.Station.Monitoring;

/// <summary>What a monitor remembers between evaluations.</summary>
/// <param name="Triggered">A threshold/target monitor is currently exceeded (an un-cleared event was sent, N07.FR.02).</param>
/// <param name="Reference">The value a Delta monitor compares against (set when installed or last reported, N07.FR.18/19).</param>
public readonly record struct MonitorState(bool Triggered, string? Reference);
