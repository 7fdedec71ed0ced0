namespace ChargerController.Hardware.Board;

/// <summary>
/// A board profile (hardware/boards/*.json): which chip, lines and buses carry each function. Loaded with
/// <see cref="BoardProfile"/>, checked with <see cref="HardwareOptionsValidator"/>.
/// </summary>
public sealed class HardwareOptions
{
    /// <summary>Profile name (e.g. <c>generic-pi4</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Free text for humans.</summary>
    public string? Description { get; set; }

    /// <summary>GPIO chip.</summary>
    public GpioChipOptions? Gpio { get; set; }

    /// <summary>CP PWM channel.</summary>
    public PwmOptions? Pwm { get; set; }

    /// <summary>ADC chips.</summary>
    public IReadOnlyList<AdcOptions> Adcs { get; set; } = [];

    /// <summary>CP measurement.</summary>
    public ControlPilotOptions? ControlPilot { get; set; }

    /// <summary>PP measurement; absent for a tethered cable.</summary>
    public ProximityPilotOptions? ProximityPilot { get; set; }

    /// <summary>Contactor(s).</summary>
    public ContactorOptions? Contactor { get; set; }

    /// <summary>Connector lock; absent for a tethered cable.</summary>
    public ConnectorLockOptions? ConnectorLock { get; set; }

    /// <summary>Residual-current monitor; absent when the installation's RCD is not wired to the controller.</summary>
    public ResidualCurrentMonitorOptions? ResidualCurrentMonitor { get; set; }

    /// <summary>LEDs and buzzer.</summary>
    public IReadOnlyList<IndicatorOptions> Indicators { get; set; } = [];
}
