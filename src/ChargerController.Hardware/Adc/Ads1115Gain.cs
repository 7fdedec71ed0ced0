namespace ChargerController.Hardware.Adc;

/// <summary>ADS1115 programmable-gain amplifier setting (config register PGA[11:9]): the full-scale range ±FSR.</summary>
public enum Ads1115Gain
{
    /// <summary>±6.144 V (inputs still limited to VDD + 0.3 V).</summary>
    Fsr6144mV = 0,

    /// <summary>±4.096 V.</summary>
    Fsr4096mV = 1,

    /// <summary>±2.048 V (power-on default).</summary>
    Fsr2048mV = 2,

    /// <summary>±1.024 V.</summary>
    Fsr1024mV = 3,

    /// <summary>±0.512 V.</summary>
    Fsr512mV = 4,

    /// <summary>±0.256 V.</summary>
    Fsr256mV = 5,
}
