using ChargerController.Hardware.Abstractions.Indicators;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Indicators;

/// <summary>An LED or buzzer on a GPIO output; blinking and pulses are timed with TimeProvider timers.</summary>
public sealed class GpioIndicator : IIndicator, IDisposable
{
    private static readonly TimeSpan MaxPulse = TimeSpan.FromSeconds(10);
    private readonly IDigitalOutput output;
    private readonly TimeProvider timeProvider;
    private readonly bool ownsPort;
    private readonly Lock gate = new();
    private ITimer? timer;
    private IndicatorPattern pattern;
    private long generation;

    /// <summary>Creates the indicator, off.</summary>
    /// <param name="role">Its role.</param>
    /// <param name="output">The output line.</param>
    /// <param name="timeProvider">Clock for blinking and pulses.</param>
    /// <param name="ownsPort">Whether disposing the driver disposes <paramref name="output"/>.</param>
    public GpioIndicator(IndicatorRole role, IDigitalOutput output, TimeProvider timeProvider, bool ownsPort = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Role = role;
        this.output = output;
        this.timeProvider = timeProvider;
        this.ownsPort = ownsPort;
        output.Write(false);
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

    /// <inheritdoc />
    public bool IsActive
    {
        get
        {
            lock (gate)
            {
                return output.Value;
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
            StopTimer();
            this.pattern = pattern;
            var half = pattern switch
            {
                IndicatorPattern.BlinkSlow => TimeSpan.FromMilliseconds(500),
                IndicatorPattern.BlinkFast => TimeSpan.FromMilliseconds(125),
                _ => TimeSpan.Zero,
            };
            output.Write(pattern != IndicatorPattern.Off);
            if (half > TimeSpan.Zero)
            {
                var mine = generation;
                timer = timeProvider.CreateTimer(_ => Toggle(mine), null, half, half);
            }
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
            StopTimer();
            pattern = IndicatorPattern.Off;
            output.Write(true);
            var mine = generation;
            timer = timeProvider.CreateTimer(_ => EndPulse(mine), null, duration, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            StopTimer();
            output.Write(false);
        }

        if (ownsPort)
        {
            output.Dispose();
        }
    }

    // Under the gate. The generation makes a callback that was already queued when the pattern changed a no-op.
    private void StopTimer()
    {
        generation++;
        timer?.Dispose();
        timer = null;
    }

    private void Toggle(long mine)
    {
        lock (gate)
        {
            if (mine == generation)
            {
                output.Write(!output.Value);
            }
        }
    }

    private void EndPulse(long mine)
    {
        lock (gate)
        {
            if (mine == generation)
            {
                output.Write(false);
            }
        }
    }
}
