namespace ChargerController.Hardware.Adc;

/// <summary>ADS1115 data rate (config register DR[7:5]), samples per second.</summary>
public enum Ads1115DataRate
{
    /// <summary>8 SPS.</summary>
    Sps8 = 0,

    /// <summary>16 SPS.</summary>
    Sps16 = 1,

    /// <summary>32 SPS.</summary>
    Sps32 = 2,

    /// <summary>64 SPS.</summary>
    Sps64 = 3,

    /// <summary>128 SPS (power-on default).</summary>
    Sps128 = 4,

    /// <summary>250 SPS.</summary>
    Sps250 = 5,

    /// <summary>475 SPS.</summary>
    Sps475 = 6,

    /// <summary>860 SPS.</summary>
    Sps860 = 7,
}
