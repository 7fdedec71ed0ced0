namespace ChargerController.Hardware.Meters;

/// <summary>The JSON shape of a meter profile file (<c>hardware/meters/*.json</c>); validated into a <see cref="MeterProfile"/>.</summary>
internal sealed class MeterProfileDocument
{
    public string? Name { get; set; }

    public string? Manufacturer { get; set; }

    public string? Model { get; set; }

    public int Phases { get; set; }

    public int FunctionCode { get; set; }

    public string? WordOrder { get; set; }

    public int? MaxRegistersPerRead { get; set; }

    public int? MaxGapRegisters { get; set; }

    public MeterSerialDocument? Serial { get; set; }

    public string? Notes { get; set; }

    public List<string>? Sources { get; set; }

    public Dictionary<string, MeterRegisterDocument>? Registers { get; set; }
}
