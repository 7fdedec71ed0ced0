namespace ChargerController.Hardware.Ports;

/// <summary>Internal bias of a GPIO input line.</summary>
public enum InputBias
{
    /// <summary>No internal bias (external resistor fitted).</summary>
    None = 0,

    /// <summary>Internal pull-up.</summary>
    PullUp,

    /// <summary>Internal pull-down.</summary>
    PullDown,
}
