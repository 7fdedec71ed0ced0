namespace ChargerController.Hardware.Meters;

/// <summary>JSON shape of a profile's <c>serial</c> object.</summary>
internal sealed class MeterSerialDocument
{
    public int BaudRate { get; set; }

    public string? Parity { get; set; }

    public int StopBits { get; set; } = 1;

    public int Address { get; set; } = 1;

    public string? Notes { get; set; }
}
