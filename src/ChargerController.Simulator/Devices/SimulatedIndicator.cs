using ChargerController.Hardware.Abstractions.Indicators;

namespace ChargerController.Simulator.Devices;

/// <summary>An LED or buzzer whose on/off phase is computed from the injected clock, with a history of requested patterns for assertions.</summary>
public sealed class SimulatedIndicator : IIndicator
{
    private static readonly TimeSpan MaxPulse = TimeSpan.FromSeconds(10);
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    private readonly List<IndicatorPattern> history = [];
    private IndicatorPattern pattern;
    private long since;
    private TimeSpan? pulse;

    /// <summary>Creates the indicator, off.</summary>
    /// <param name="role">Its role.</param>
    /// <param name="timeProvider">Clock for blink phase and pulses.</param>
    public SimulatedIndicator(IndicatorRole role, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Role = role;
        this.timeProvider = timeProvider;
        since = timeProvider.GetTimestamp();
    }

    /// <inheritdoc />
    public IndicatorRole Role { get; }

    /// <inheritdoc />
    public IndicatorPattern Pattern
    {
        get
        {
            lock (gate)
            {
                return pattern;
            }
        }
    }

    /// <summary>Every pattern requested through <see cref="Show"/>, in order.</summary>
    public IReadOnlyList<IndicatorPattern> History
    {
        get
        {
            lock (gate)
            {
                return [.. history];
            }
        }
    }

    /// <summary>How many pulses were requested (beeps).</summary>
    public int PulseCount { get; private set; }

    /// <inheritdoc />
    public bool IsActive
    {
        get
        {
            lock (gate)
            {
                var elapsed = timeProvider.GetElapsedTime(since);
                if (pulse is { } p)
                {
                    return elapsed < p;
                }

                return pattern switch
                {
                    IndicatorPattern.On => true,
                    IndicatorPattern.BlinkSlow => Phase(elapsed, TimeSpan.FromMilliseconds(500)),
                    IndicatorPattern.BlinkFast => Phase(elapsed, TimeSpan.FromMilliseconds(125)),
                    _ => false,
                };
            }
        }
    }

    /// <inheritdoc />
    public void Show(IndicatorPattern pattern)
    {
        if (!Enum.IsDefined(pattern))
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Unknown indicator pattern.");
        }

        lock (gate)
        {
            this.pattern = pattern;
            pulse = null;
            since = timeProvider.GetTimestamp();
            history.Add(pattern);
        }
    }

    /// <inheritdoc />
    public void Pulse(TimeSpan duration)
    {
        if (duration < TimeSpan.FromMilliseconds(1) || duration > MaxPulse)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A pulse lasts 1 ms to 10 s.");
        }

        lock (gate)
        {
            pattern = IndicatorPattern.Off;
            pulse = duration;
            since = timeProvider.GetTimestamp();
            PulseCount++;
        }
    }

    // Blinking starts with the on half, so a pattern is visible at once.
    private static bool Phase(TimeSpan elapsed, TimeSpan half) => (elapsed.Ticks / half.Ticks) % 2 == 0;
}
