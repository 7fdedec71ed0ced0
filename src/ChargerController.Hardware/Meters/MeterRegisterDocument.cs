namespace ChargerController.Hardware.Meters;

/// <summary>JSON shape of one entry of a profile's <c>registers</c> object.</summary>
internal sealed class MeterRegisterDocument
{
    public int? Address { get; set; }

    public string? Type { get; set; }

    public double Scale { get; set; } = 1.0;

    public string? Unit { get; set; }

    public int? FunctionCode { get; set; }

    public string? WordOrder { get; set; }

    public bool? Verified { get; set; }

    public string? Notes { get; set; }
}
