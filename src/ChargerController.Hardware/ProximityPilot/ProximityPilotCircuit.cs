namespace ChargerController.Hardware.ProximityPilot;

/// <summary>The PP measuring circuit: a pull-up from a reference to PP, the ADC on PP (hardware/README.md).</summary>
public sealed record ProximityPilotCircuit
{
    /// <summary>Pull-up resistor from the reference to PP, ohms.</summary>
    public double PullUpOhm { get; init; } = 1000.0;

    /// <summary>Voltage the pull-up is tied to, volts (the ADC reference).</summary>
    public double SupplyV { get; init; } = 3.3;
}
