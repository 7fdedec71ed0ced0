namespace ChargerController.Hardware.Board;

/// <summary>Supported ADC chips.</summary>
public enum AdcType
{
    /// <summary>MCP3008, 10-bit, 8 channels, SPI.</summary>
    Mcp3008,

    /// <summary>MCP3208, 12-bit, 8 channels, SPI.</summary>
    Mcp3208,

    /// <summary>ADS1115, 16-bit, 4 channels, I²C, ≤ 860 SPS (PP only).</summary>
    Ads1115,
}
