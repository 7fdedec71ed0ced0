namespace ChargerController.Simulator.Scenarios;

/// <summary>Timing and identity of the <see cref="DemoSession"/>.</summary>
public sealed record DemoSessionOptions
{
    /// <summary>The EVSE the demo uses. Default 1.</summary>
    public int EvseId { get; init; } = 1;

    /// <summary>The command the narrative suggests for following along. Default <c>chargerctl status --watch</c>.</summary>
    public string FollowCommand { get; init; } = "chargerctl status --watch";

    /// <summary>The card the demo taps (hex UID). Default <c>04A1B2C3</c>.</summary>
    public string CardUid { get; init; } = "04A1B2C3";

    /// <summary>Pause between the steps a person would take (plug, tap, unplug). Default 2 s.</summary>
    public TimeSpan StepPause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the car charges before it stops and is unplugged. Default 25 s.</summary>
    public TimeSpan ChargingDuration { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>How often the charging progress is printed. Default 1 s.</summary>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the demo waits for the station to react before it gives up. Default 15 s.</summary>
    public TimeSpan ReactionTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
