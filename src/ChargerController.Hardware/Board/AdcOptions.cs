namespace ChargerController.Hardware.Board;

/// <summary>One ADC chip on a bus.</summary>
public sealed class AdcOptions
{
    /// <summary>Name other sections refer to.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Chip type.</summary>
    public AdcType Type { get; set; }

    /// <summary>SPI bus (MCP3x08).</summary>
    public int SpiBus { get; set; }

    /// <summary>SPI chip select (MCP3x08).</summary>
    public int ChipSelect { get; set; }

    /// <summary>SPI clock, hertz (MCP3x08).</summary>
    public int ClockHz { get; set; } = 1_000_000;

    /// <summary>SPI mode 0 or 3 (MCP3x08).</summary>
    public int SpiMode { get; set; }

    /// <summary>V<sub>REF</sub>, volts (MCP3x08).</summary>
    public double ReferenceV { get; set; } = 3.3;

    /// <summary>I²C bus (ADS1115).</summary>
    public int I2cBus { get; set; } = 1;

    /// <summary>7-bit I²C address 0x48–0x4B (ADS1115), written in decimal in JSON (72–75).</summary>
    public int Address { get; set; } = 0x48;
}
