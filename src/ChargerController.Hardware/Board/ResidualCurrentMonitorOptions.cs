namespace ChargerController.Hardware.Board;

/// <summary>Residual-current monitor module I/O.</summary>
public sealed class ResidualCurrentMonitorOptions
{
    /// <summary>Fault output of the module (active = fault).</summary>
    public GpioLineOptions? Fault { get; set; }

    /// <summary>Test input of the module (active = test).</summary>
    public GpioLineOptions? Test { get; set; }
}
