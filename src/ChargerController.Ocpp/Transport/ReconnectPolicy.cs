namespace ChargerController.Ocpp.Transport;

/// <summary>
/// The reconnect back-off of Part 4 §5.4: first wait <c>RetryBackOffWaitMinimum</c> + random(0..<c>RetryBackOffRandomRange</c>),
/// double the base after every failed attempt at most <c>RetryBackOffRepeatTimes</c> times, a new random part each
/// time; reset to the minimum after a successful connection (errata 2025-06 §4.1).
/// E.g. minimum 10 s, range 0, repeat 2: 10, 20, 40, 40, 40 …
/// </summary>
public sealed class ReconnectPolicy
{
    private readonly TimeSpan _waitMinimum;
    private readonly TimeSpan _randomRange;
    private readonly int _repeatTimes;
    private readonly Random _random;

    /// <summary>Initializes a new instance of the <see cref="ReconnectPolicy"/> class.</summary>
    /// <param name="waitMinimum">RetryBackOffWaitMinimum.</param>
    /// <param name="randomRange">RetryBackOffRandomRange.</param>
    /// <param name="repeatTimes">RetryBackOffRepeatTimes.</param>
    /// <param name="random">Source of the random part (seed it in tests).</param>
    public ReconnectPolicy(TimeSpan waitMinimum, TimeSpan randomRange, int repeatTimes, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(waitMinimum, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(randomRange, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(repeatTimes);
        ArgumentNullException.ThrowIfNull(random);
        _waitMinimum = waitMinimum;
        _randomRange = randomRange;
        _repeatTimes = repeatTimes;
        _random = random;
    }

    /// <summary>Gets how many delays were handed out since the last reset.</summary>
    public int Attempt { get; private set; }

    /// <summary>Returns the wait before the next attempt and counts it.</summary>
    /// <returns>The delay.</returns>
    public TimeSpan NextDelay()
    {
        var doublings = Math.Min(Attempt, _repeatTimes);
        Attempt++;

        // Cap the exponent so a silly RepeatTimes cannot overflow TimeSpan.
        var factor = Math.Pow(2, Math.Min(doublings, 30));
        var baseDelay = TimeSpan.FromTicks((long)Math.Min(_waitMinimum.Ticks * factor, TimeSpan.FromDays(1).Ticks));
        var jitter = TimeSpan.FromMilliseconds(Math.Round(_random.NextDouble() * _randomRange.TotalMilliseconds));
        return baseDelay + jitter;
    }

    /// <summary>Back to the minimum (call after a successful connection).</summary>
    public void Reset() => Attempt = 0;
}
