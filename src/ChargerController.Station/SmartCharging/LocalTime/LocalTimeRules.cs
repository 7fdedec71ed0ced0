using System.Globalization;

namespace ChargerController.Station.SmartCharging.LocalTime;

/// <summary>
/// What "local time" is at the station (Part 2 K01.FR.90/91, appendix ClockCtrlr): an IANA time zone with its daylight
/// saving rules (ClockCtrlr.TimeZone), or a fixed offset (ClockCtrlr.TimeOffset) that may change once at
/// NextTimeOffsetTransitionDateTime to TimeOffset[NextTransition], or UTC when nothing is configured. Immutable.
/// </summary>
public sealed class LocalTimeRules
{
    // Daylight saving transitions are months apart; probing every 6 h finds each one, a bisection then pins it to the tick.
    private static readonly long ProbeStep = TimeSpan.TicksPerHour * 6;

    private readonly TimeZoneInfo? _zone;
    private readonly TimeSpan _offset;
    private readonly long _transitionAt;
    private readonly TimeSpan _nextOffset;

    private LocalTimeRules(TimeZoneInfo? zone, TimeSpan offset, long transitionAt, TimeSpan nextOffset, string description)
    {
        _zone = zone;
        _offset = offset;
        _transitionAt = transitionAt;
        _nextOffset = nextOffset;
        Description = description;
    }

    /// <summary>Gets the rules when nothing is configured: local time is UTC.</summary>
    public static LocalTimeRules Utc { get; } = new(null, TimeSpan.Zero, long.MaxValue, TimeSpan.Zero, "UTC");

    /// <summary>Gets a short text for logs and docs, e.g. <c>Europe/Oslo</c> or <c>+01:00</c>.</summary>
    public string Description { get; }

    /// <summary>Gets a value indicating whether local time is UTC at every instant.</summary>
    public bool IsUtc => _zone is null && _offset == TimeSpan.Zero && (_transitionAt == long.MaxValue || _nextOffset == TimeSpan.Zero);

    /// <summary>Rules that follow a time zone, daylight saving time included.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The rules.</returns>
    public static LocalTimeRules ForZone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new LocalTimeRules(zone, TimeSpan.Zero, long.MaxValue, TimeSpan.Zero, zone.Id);
    }

    /// <summary>Rules with a fixed offset, optionally switching once to another (ClockCtrlr.TimeOffset[NextTransition]).</summary>
    /// <param name="offset">The offset from UTC.</param>
    /// <param name="transitionAt">When <paramref name="nextOffset"/> takes over; null = never.</param>
    /// <param name="nextOffset">The offset from <paramref name="transitionAt"/> on.</param>
    /// <returns>The rules.</returns>
    public static LocalTimeRules ForOffset(TimeSpan offset, DateTimeOffset? transitionAt = null, TimeSpan? nextOffset = null)
    {
        var at = transitionAt is { } t && nextOffset is not null ? t.UtcTicks : long.MaxValue;
        var next = nextOffset ?? offset;
        var text = FormatOffset(offset) + (at == long.MaxValue ? string.Empty : " until " + transitionAt!.Value.ToString("O", CultureInfo.InvariantCulture) + ", then " + FormatOffset(next));
        return new LocalTimeRules(null, offset, at, next, text);
    }

    /// <summary>Parses an RFC 3339 time-offset suffix (<c>+01:00</c>, <c>-05:30</c>, <c>Z</c>) as ClockCtrlr.TimeOffset carries it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="offset">The offset.</param>
    /// <returns>False when it is not a valid offset (outside ±14:00 or malformed).</returns>
    public static bool TryParseOffset(string? text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (value is "Z" or "z")
        {
            return true;
        }

        if (value.Length != 6 || (value[0] != '+' && value[0] != '-') || value[3] != ':'
            || !int.TryParse(value.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(value.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (value[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    /// <summary>The offset of local time from UTC at an instant.</summary>
    /// <param name="utcTicks">The instant, UTC ticks.</param>
    /// <returns>Local minus UTC.</returns>
    public TimeSpan OffsetAt(long utcTicks)
    {
        if (_zone is { } zone)
        {
            var clamped = Math.Clamp(utcTicks, DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            return zone.GetUtcOffset(new DateTime(clamped, DateTimeKind.Utc));
        }

        return utcTicks >= _transitionAt ? _nextOffset : _offset;
    }

    /// <summary>
    /// Cuts [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) into pieces of constant offset, in time order: inside a
    /// piece local time runs parallel to UTC, at its edges local time jumps (daylight saving).
    /// </summary>
    /// <param name="fromUtc">Start, UTC ticks.</param>
    /// <param name="toUtc">End (exclusive), UTC ticks.</param>
    /// <param name="output">Receives (start, end, offset ticks) pieces.</param>
    public void Segments(long fromUtc, long toUtc, List<(long Start, long End, long Offset)> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = fromUtc;
        while (start < toUtc)
        {
            var offset = OffsetAt(start);
            var change = NextChange(start, toUtc, offset);
            output.Add((start, change, offset.Ticks));
            start = change;
        }
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    // The first instant after start (at most toUtc) whose offset differs from the offset at start.
    private long NextChange(long start, long toUtc, TimeSpan offset)
    {
        if (_zone is null)
        {
            return _transitionAt > start && _transitionAt < toUtc && _nextOffset != _offset ? _transitionAt : toUtc;
        }

        var same = start;
        while (true)
        {
            var probe = same > toUtc - ProbeStep ? toUtc - 1 : same + ProbeStep;
            if (probe <= same)
            {
                return toUtc;
            }

            if (OffsetAt(probe) == offset)
            {
                if (probe >= toUtc - 1)
                {
                    return toUtc;
                }

                same = probe;
                continue;
            }

            // Bisect: offset(same) == offset, offset(probe) != offset.
            var other = probe;
            while (other - same > 1)
            {
                var middle = same + ((other - same) / 2);
                if (OffsetAt(middle) == offset)
                {
                    same = middle;
                }
                else
                {
                    other = middle;
                }
            }

            return other;
        }
    }
}
