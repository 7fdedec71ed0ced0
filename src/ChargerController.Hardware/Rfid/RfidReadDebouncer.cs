namespace ChargerController.Hardware.Rfid;

/// <summary>
/// Suppresses repeated reads of the same card: readers report a card again and again while it stays in the field
/// (RDM6300 repeats its frame, a PN532 poll finds it every time). The same UID is reported again only after it was
/// absent for the whole window; a different UID is reported at once.
/// </summary>
public sealed class RfidReadDebouncer
{
    private readonly TimeProvider _time;
    private byte[]? _lastUid;
    private long _lastSeen;

    /// <summary>Creates the debouncer.</summary>
    /// <param name="window">How long a card must be absent before its next read counts as a new presentation.</param>
    /// <param name="timeProvider">Clock.</param>
    public RfidReadDebouncer(TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (window < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must not be negative.");
        }

        Window = window;
        _time = timeProvider;
    }

    /// <summary>The hold-off window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Records a raw read and says whether it is a new presentation.</summary>
    /// <param name="uid">The UID read.</param>
    /// <returns>Whether the read should be reported.</returns>
    public bool ShouldReport(ReadOnlySpan<byte> uid)
    {
        var now = _time.GetTimestamp();
        var repeat = _lastUid is not null && uid.SequenceEqual(_lastUid) && _time.GetElapsedTime(_lastSeen, now) < Window;
        _lastUid = uid.ToArray();
        _lastSeen = now;
        return !repeat;
    }
}
