namespace ChargerController.Hardware.Board;

/// <summary>The PP measurement (socket outlets only).</summary>
public sealed class ProximityPilotOptions
{
    /// <summary>Id of the ADC measuring PP.</summary>
    public string Adc { get; set; } = string.Empty;

    /// <summary>ADC channel on PP.</summary>
    public int Channel { get; set; }

    /// <summary>Pull-up from the reference to PP, ohms.</summary>
    public double PullUpOhm { get; set; } = 1000.0;

    /// <summary>Voltage of the pull-up, volts.</summary>
    public double SupplyV { get; set; } = 3.3;
}
