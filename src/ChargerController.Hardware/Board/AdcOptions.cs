namespace ChargerController.Hardware.Board;

/// <summary>One ADC chip on a bus.</summary>
public sealed class AdcOptions
{
    /// <summary>Name other sections refer to.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Chip type.</summary>
    public AdcType Type { get; init; }

    /// <summary>SPI bus (MCP3x08).</summary>
    public int SpiBus { get; init; }

    /// <summary>SPI chip select (MCP3x08).</summary>
    public int ChipSelect { get; init; }

    /// <summary>SPI clock, hertz (MCP3x08).</summary>
    public int ClockHz { get; init; } = 1_000_000;

    /// <summary>SPI mode 0 or 3 (MCP3x08).</summary>
    public int SpiMode { get; init; }

    /// <summary>V<sub>REF</sub>, volts (MCP3x08).</summary>
    public double ReferenceV { get; init; } = 3.3;

    /// <summary>I²C bus (ADS1115).</summary>
    public int I2cBus { get; init; } = 1;

    /// <summary>7-bit I²C address 0x48–0x4B (ADS1115), written in decimal in JSON (72–75).</summary>
    public int Address { get; init; } = 0x48;
}
