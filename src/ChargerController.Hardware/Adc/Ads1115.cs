using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Adc;

/// <summary>
/// TI ADS1115: 16-bit delta-sigma ADC on I²C (address 0x48–0x4B by the ADDR pin), used single-shot per the datasheet's
/// register map: write the config register (pointer 0x01) with OS = 1, MUX = AINx vs GND, PGA, MODE = 1, DR and the
/// comparator disabled (COMP_QUE = 11); poll OS until it reads 1 (conversion done); set the pointer to 0x00 and read
/// the two's-complement result, MSB first. At ≤ 860 SPS it cannot resolve a 1 kHz PWM: use it for PP or behind
/// analogue peak detectors.
/// </summary>
public sealed class Ads1115 : IDisposable
{
    private const byte ConversionRegister = 0x00;
    private const byte ConfigRegister = 0x01;
    private static readonly int[] Rates = [8, 16, 32, 64, 128, 250, 475, 860];
    private static readonly double[] FullScaleV = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256];
    private readonly II2cTransfer i2c;
    private readonly TimeProvider timeProvider;
    private readonly bool ownsPort;

    /// <summary>Creates the driver.</summary>
    /// <param name="i2c">The device on its bus.</param>
    /// <param name="timeProvider">Clock for the conversion wait.</param>
    /// <param name="ownsPort">Whether disposing the driver disposes <paramref name="i2c"/>.</param>
    public Ads1115(II2cTransfer i2c, TimeProvider timeProvider, bool ownsPort = true)
    {
        ArgumentNullException.ThrowIfNull(i2c);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.i2c = i2c;
        this.timeProvider = timeProvider;
        this.ownsPort = ownsPort;
    }

    /// <summary>How many times the OS bit is polled after the nominal conversion time before giving up.</summary>
    public int MaxPolls { get; init; } = 10;

    /// <summary>The config register value for a single-shot, single-ended conversion.</summary>
    /// <param name="channel">AIN0–AIN3.</param>
    /// <param name="gain">Full-scale range.</param>
    /// <param name="rate">Data rate.</param>
    /// <returns>The 16-bit config word.</returns>
    public static ushort ConfigWord(int channel, Ads1115Gain gain, Ads1115DataRate rate)
    {
        ValidateChannel(channel);
        const int os = 1 << 15;
        var mux = (0b100 | channel) << 12;     // 1xx = AINx vs GND
        var pga = (int)gain << 9;
        const int singleShot = 1 << 8;
        var dr = (int)rate << 5;
        const int comparatorDisabled = 0b11;
        return (ushort)(os | mux | pga | singleShot | dr | comparatorDisabled);
    }

    /// <summary>Volts per code for a gain: FSR / 2¹⁵.</summary>
    /// <param name="gain">Full-scale range.</param>
    /// <returns>Volts per LSB.</returns>
    public static double VoltsPerCode(Ads1115Gain gain) => FullScaleV[(int)gain] / 32768.0;

    /// <summary>Runs one single-shot conversion.</summary>
    /// <param name="channel">AIN0–AIN3 (against GND).</param>
    /// <param name="gain">Full-scale range.</param>
    /// <param name="rate">Data rate.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The signed 16-bit result.</returns>
    /// <exception cref="IOException">The bus failed or the conversion did not finish.</exception>
    public async ValueTask<short> ReadRawAsync(int channel, Ads1115Gain gain, Ads1115DataRate rate, CancellationToken cancellationToken)
    {
        var config = ConfigWord(channel, gain, rate);
        if (!Enum.IsDefined(gain) || !Enum.IsDefined(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(gain), "Undefined gain or data rate.");
        }

        i2c.Write([ConfigRegister, (byte)(config >> 8), (byte)config]);

        // One conversion lasts 1/DR; the oscillator is specified ±10 %, hence the extra polls.
        var period = TimeSpan.FromSeconds(1.0 / Rates[(int)rate]);
        await Task.Delay(period, timeProvider, cancellationToken).ConfigureAwait(false);
        for (var poll = 0; !ConversionDone(); poll++)
        {
            if (poll >= MaxPolls)
            {
                throw new IOException($"ADS1115 conversion on AIN{channel} did not finish within {MaxPolls + 1} conversion periods.");
            }

            await Task.Delay(period / 10, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return (short)ReadRegister(ConversionRegister);
    }

    /// <summary>Runs one conversion and scales it to volts.</summary>
    /// <param name="channel">AIN0–AIN3.</param>
    /// <param name="gain">Full-scale range.</param>
    /// <param name="rate">Data rate.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The input voltage, volts.</returns>
    public async ValueTask<double> ReadVoltsAsync(int channel, Ads1115Gain gain, Ads1115DataRate rate, CancellationToken cancellationToken) =>
        await ReadRawAsync(channel, gain, rate, cancellationToken).ConfigureAwait(false) * VoltsPerCode(gain);

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsPort)
        {
            i2c.Dispose();
        }
    }

    private static void ValidateChannel(int channel)
    {
        if (channel is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "ADS1115 has AIN0–AIN3.");
        }
    }

    private bool ConversionDone() => (ReadRegister(ConfigRegister) & 0x8000) != 0;

    private ushort ReadRegister(byte register)
    {
        i2c.Write([register]);
        Span<byte> data = stackalloc byte[2];
        i2c.Read(data);
        return (ushort)((data[0] << 8) | data[1]);
    }
}
