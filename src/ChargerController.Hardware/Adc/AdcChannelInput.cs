namespace ChargerController.Hardware.Adc;

/// <summary>One channel of an <see cref="IMultiChannelAdc"/> as an <see cref="IAnalogInput"/>: volts = code · Vref / codes, averaged.</summary>
/// <param name="adc">The converter.</param>
/// <param name="channel">Its channel.</param>
/// <param name="samples">Conversions averaged per read (noise on long PP wires).</param>
public sealed class AdcChannelInput(IMultiChannelAdc adc, int channel, int samples = 4) : IAnalogInput
{
    /// <inheritdoc />
    public ValueTask<double> ReadVoltsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sum = 0L;
        var n = Math.Max(1, samples);
        for (var i = 0; i < n; i++)
        {
            sum += adc.ReadCount(channel);
        }

        return ValueTask.FromResult((double)sum / n * adc.ReferenceV / adc.Codes);
    }
}
