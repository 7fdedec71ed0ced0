namespace ChargerController.Station.Monitoring;

/// <summary>What an evaluation produced.</summary>
public enum MonitorOutcomeKind
{
    /// <summary>Nothing to report.</summary>
    None,

    /// <summary>The monitor triggered: report an event (cleared absent).</summary>
    Triggered,

    /// <summary>The value returned within bounds: report an event with <c>cleared</c> = true (N07.FR.02).</summary>
    Cleared,
}
