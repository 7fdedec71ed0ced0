namespace ChargerController.Hardware.Adc;

/// <summary>One ADC channel as a voltage source (for slow DC signals such as PP).</summary>
public interface IAnalogInput
{
    /// <summary>Reads the voltage at the ADC pin.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Volts at the ADC input.</returns>
    /// <exception cref="IOException">The bus failed.</exception>
    ValueTask<double> ReadVoltsAsync(CancellationToken cancellationToken);
}
