namespace ChargerController.Hardware.Board;

/// <summary>The PP measurement (socket outlets only).</summary>
public sealed class ProximityPilotOptions
{
    /// <summary>Id of the ADC measuring PP.</summary>
    public string Adc { get; init; } = string.Empty;

    /// <summary>ADC channel on PP.</summary>
    public int Channel { get; init; }

    /// <summary>Pull-up from the reference to PP, ohms.</summary>
    public double PullUpOhm { get; init; } = 1000.0;

    /// <summary>Voltage of the pull-up, volts.</summary>
    public double SupplyV { get; init; } = 3.3;
}
