namespace ChargerController.Station.DisplayMessages;

/// <summary>Tuning of the display block; the supported formats, priorities, states and languages are device-model variables.</summary>
public sealed record DisplayMessageOptions
{
    /// <summary>Gets how long each message of a cycle (InFront, NormalCycle) stays on the display (O01.FR.12/14).</summary>
    public TimeSpan CycleInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how often start/end times are checked (O01.FR.06/07).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the most messages in one NotifyDisplayMessagesRequest; more are split with <c>tbc</c> (O03.FR.03/04).</summary>
    public int MessagesPerNotify { get; init; } = 10;
}
