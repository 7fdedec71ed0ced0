using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Board;

/// <summary>One GPIO line of the board: offset on the chip (the BCM GPIO number on a Pi), polarity and bias.</summary>
public sealed class GpioLineOptions
{
    /// <summary>Line offset on the GPIO chip (BCM GPIO number, not the header pin number).</summary>
    public int Line { get; set; } = -1;

    /// <summary>Whether "active" is the low level.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>Internal bias for inputs (ignored for outputs).</summary>
    public InputBias Bias { get; set; }
}
