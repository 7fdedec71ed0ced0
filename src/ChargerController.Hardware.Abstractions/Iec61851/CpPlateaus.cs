namespace ChargerController.Hardware.Abstractions.Iec61851;

/// <summary>The two CP plateau voltages of one evaluation window.</summary>
/// <param name="HighV">Positive plateau (during the PWM on-time), or the steady level when no PWM runs, volts.</param>
/// <param name="LowV">Negative plateau (during the PWM off-time), or the steady level when no PWM runs, volts.</param>
public readonly record struct CpPlateaus(double HighV, double LowV);
