namespace ChargerController.Hardware.Board;

/// <summary>Contactor coils and mirror contacts.</summary>
public sealed class ContactorOptions
{
    /// <summary>K1 coil (active = energised).</summary>
    public GpioLineOptions? Main { get; set; }

    /// <summary>K2 coil for 1p/3p switching.</summary>
    public GpioLineOptions? Second { get; set; }

    /// <summary>K1 mirror contact (active = mirror closed = main open).</summary>
    public GpioLineOptions? MainMirror { get; set; }

    /// <summary>K2 mirror contact.</summary>
    public GpioLineOptions? SecondMirror { get; set; }
}
