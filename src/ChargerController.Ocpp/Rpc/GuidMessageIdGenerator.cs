namespace ChargerController.Ocpp.Rpc;

/// <summary>
/// UUIDv7 message ids (36 characters, the length Part 4 §4.1.4 was sized for): 48 bits of time from the injected
/// clock plus 74 random bits, so ids stay unique across connections and restarts without persisted state and
/// sort roughly by creation time in logs.
/// </summary>
public sealed class GuidMessageIdGenerator : IMessageIdGenerator
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="GuidMessageIdGenerator"/> class.</summary>
    /// <param name="timeProvider">Clock for the time part of the UUIDv7.</param>
    public GuidMessageIdGenerator(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public string NewId() => Guid.CreateVersion7(_timeProvider.GetUtcNow()).ToString("D");
}
