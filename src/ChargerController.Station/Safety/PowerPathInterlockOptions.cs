namespace ChargerController.Station.Safety;

/// <summary>Timing of <see cref="PowerPathInterlock"/>.</summary>
public sealed record PowerPathInterlockOptions
{
    /// <summary>
    /// Longest a closed contactor is held after PWM (or authorization, availability, current) is withdrawn while the EV
    /// stays in C: IEC 61851-1:2017 Table A.6 seq. 10.2 — open no later than 6 s, even under load. Default 6 s, at most 6 s.
    /// </summary>
    public TimeSpan SoftStopTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Pick-up / drop-out budget after which a mirror contact that disagrees with the command is a fault
    /// (REFERENCE.md §6.2: 100–300 ms). Default 300 ms, at most 1 s (ISO 15118's command-to-confirmation limit).
    /// </summary>
    public TimeSpan FeedbackTimeout { get; init; } = TimeSpan.FromMilliseconds(300);
}
