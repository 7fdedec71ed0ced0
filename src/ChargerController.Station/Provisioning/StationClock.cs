using System.Globalization;

namespace ChargerController.Station.Provisioning;

/// <summary>
/// The station's notion of "now": the host clock plus an offset learnt from the CSMS (<c>currentTime</c> of
/// BootNotification and Heartbeat, B01.FR.06, when <c>ClockCtrlr.TimeSource</c> lists <c>Heartbeat</c>). The system clock
/// is never set: the service runs unprivileged (no CAP_SYS_TIME) and NTP may own it; only the time stamps the station
/// writes move. Timers and time stamps for intervals come from the wrapped provider unchanged, so a clock step never
/// stretches or shortens a heartbeat, a back-off or a meter interval.
/// </summary>
public sealed class StationClock : TimeProvider
{
    /// <summary>Differences below this are network latency and ignored, so the clock does not jitter on every heartbeat.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _inner;
    private long _offsetTicks;

    /// <summary>Initializes a new instance of the <see cref="StationClock"/> class.</summary>
    /// <param name="inner">The host clock (or a fake one in tests).</param>
    public StationClock(TimeProvider inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>Gets the offset added to the host clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <inheritdoc/>
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the station clock to the CSMS time, unless it is within <see cref="Tolerance"/>.</summary>
    /// <param name="csmsTime">The CSMS's <c>currentTime</c>.</param>
    /// <returns>The step applied (zero when none).</returns>
    public TimeSpan Adjust(DateTimeOffset csmsTime)
    {
        var step = csmsTime - GetUtcNow();
        if (step.Duration() < Tolerance)
        {
            return TimeSpan.Zero;
        }

        Interlocked.Add(ref _offsetTicks, step.Ticks);
        return step;
    }

    /// <summary>Formats the current station time for <c>ClockCtrlr.DateTime</c> (RFC 3339, UTC, Part 2 §2.1.4).</summary>
    /// <returns>E.g. <c>2025-01-01T12:00:00.000Z</c>.</returns>
    public string Format() => GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
