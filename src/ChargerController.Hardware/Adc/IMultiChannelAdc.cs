namespace ChargerController.Hardware.Adc;

/// <summary>A fast, synchronous multi-channel ADC (one bus transfer per conversion), fit for burst sampling of the CP.</summary>
public interface IMultiChannelAdc
{
    /// <summary>Number of single-ended channels.</summary>
    int ChannelCount { get; }

    /// <summary>Number of codes (1024 for 10 bits, 4096 for 12 bits): code = Codes · Vin / Vref.</summary>
    int Codes { get; }

    /// <summary>Reference voltage, volts.</summary>
    double ReferenceV { get; }

    /// <summary>Converts one channel now.</summary>
    /// <param name="channel">Single-ended channel, 0 … <see cref="ChannelCount"/> − 1.</param>
    /// <returns>The code, 0 … <see cref="Codes"/> − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such channel.</exception>
    /// <exception cref="IOException">The bus transfer failed.</exception>
    int ReadCount(int channel);
}
