namespace ChargerController.Hardware.Adc;

/// <summary>One ADS1115 input as an <see cref="IAnalogInput"/>.</summary>
/// <param name="adc">The converter.</param>
/// <param name="channel">AIN0–AIN3.</param>
/// <param name="gain">Full-scale range (±4.096 V covers a 3.3 V signal).</param>
/// <param name="rate">Data rate.</param>
public sealed class Ads1115ChannelInput(Ads1115 adc, int channel, Ads1115Gain gain = Ads1115Gain.Fsr4096mV, Ads1115DataRate rate = Ads1115DataRate.Sps860) : IAnalogInput
{
    /// <inheritdoc />
    public ValueTask<double> ReadVoltsAsync(CancellationToken cancellationToken) =>
        adc.ReadVoltsAsync(channel, gain, rate, cancellationToken);
}
