namespace ChargerController.Hardware.Abstractions.Indicators;

/// <summary>What an indicator tells the user; the board profile maps each role to an output.</summary>
public enum IndicatorRole
{
    /// <summary>Station ready / available (usually green).</summary>
    Ready,

    /// <summary>Charging in progress (usually blue or white).</summary>
    Charging,

    /// <summary>Fault (usually red).</summary>
    Fault,

    /// <summary>Card accepted/rejected feedback (buzzer or LED).</summary>
    Buzzer,
}
