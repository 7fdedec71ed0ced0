namespace ChargerController.Hardware.Abstractions.Indicators;

/// <summary>One indicator output (LED or buzzer). Implementations time blinking and beeps with an injected TimeProvider.</summary>
public interface IIndicator
{
    /// <summary>The role the board profile gave this output.</summary>
    IndicatorRole Role { get; }

    /// <summary>The pattern last requested (a beep ends in <see cref="IndicatorPattern.Off"/>).</summary>
    IndicatorPattern Pattern { get; }

    /// <summary>Whether the output is driven active at this instant (follows the blink phase).</summary>
    bool IsActive { get; }

    /// <summary>Shows a pattern until the next call.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined pattern.</exception>
    void Show(IndicatorPattern pattern);

    /// <summary>Switches the output on once for <paramref name="duration"/>, then off (card feedback).</summary>
    /// <param name="duration">How long, 1 ms – 10 s.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration is outside 1 ms – 10 s.</exception>
    void Pulse(TimeSpan duration);
}
