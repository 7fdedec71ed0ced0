using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Hardware.Abstractions.ControlPilot;

/// <summary>One CP measurement: the two plateaus over one evaluation window and what the generator drove meanwhile.</summary>
/// <param name="Plateaus">High and low plateau voltages, volts. Without PWM both carry the steady level.</param>
/// <param name="Output">The generator output during the window (a sample taken across a change reports the new output).</param>
/// <param name="Timestamp">When the window ended (station clock, from TimeProvider).</param>
public readonly record struct CpSample(CpPlateaus Plateaus, CpGeneratorOutput Output, DateTimeOffset Timestamp);
