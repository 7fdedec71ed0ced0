namespace ChargerController.Hardware.Abstractions.ControlPilot;

/// <summary>What the CP generator is currently driving.</summary>
/// <param name="Mode">Steady −12 V, steady +12 V or PWM.</param>
/// <param name="DutyCyclePercent">The duty cycle in percent: 0 for <see cref="CpGeneratorMode.StateF"/>, 100 for <see cref="CpGeneratorMode.SteadyHigh"/>, the PWM duty otherwise.</param>
public readonly record struct CpGeneratorOutput(CpGeneratorMode Mode, double DutyCyclePercent)
{
    /// <summary>State F (−12 V), the safe state.</summary>
    public static CpGeneratorOutput StateF => new(CpGeneratorMode.StateF, 0.0);

    /// <summary>Steady +12 V (X1).</summary>
    public static CpGeneratorOutput SteadyHigh => new(CpGeneratorMode.SteadyHigh, 100.0);

    /// <summary>Whether the generator oscillates, so a negative plateau exists and the diode check can run.</summary>
    public bool IsPwmRunning => Mode == CpGeneratorMode.Pwm;
}
