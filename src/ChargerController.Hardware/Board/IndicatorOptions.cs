using ChargerController.Hardware.Abstractions.Indicators;

namespace ChargerController.Hardware.Board;

/// <summary>One indicator output.</summary>
public sealed class IndicatorOptions
{
    /// <summary>Its role.</summary>
    public IndicatorRole Role { get; set; }

    /// <summary>Line offset (BCM GPIO).</summary>
    public int Line { get; set; } = -1;

    /// <summary>Whether "on" is the low level.</summary>
    public bool ActiveLow { get; set; }
}
