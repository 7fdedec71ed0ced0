namespace ChargerController.Hardware.Abstractions.Indicators;

/// <summary>How an indicator output is driven.</summary>
public enum IndicatorPattern
{
    /// <summary>Off.</summary>
    Off = 0,

    /// <summary>Steadily on.</summary>
    On,

    /// <summary>1 Hz blink (0.5 s on, 0.5 s off).</summary>
    BlinkSlow,

    /// <summary>4 Hz blink (125 ms on, 125 ms off).</summary>
    BlinkFast,
}
