using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Adc;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.ControlPilot;

/// <summary>
/// The CP generator on a hardware PWM channel plus the CP measurement on a fast SPI ADC.
/// <para>
/// Generator: the channel runs for the whole service life and every CP output is a duty value (REFERENCE §3.2):
/// state F = 0 % (pin low → −12 V), X1 = 100 % (+12 V), X2 = the duty. Disabling a PWM channel leaves a
/// hardware-specific level, so it is never used as a CP state.
/// </para>
/// <para>
/// Measurement in step with the PWM: a GPIO input reads the PWM pin itself (a loop-back wire); each conversion is
/// bracketed by two reads of it and kept only when both agree, so every kept code lies wholly inside the on-time (high
/// plateau) or the off-time (low plateau) — never across an edge, which would read low and fake a state C (EVerest
/// bring-up guide). Each plateau is the median of its codes. Without the loop-back, the window falls back to burst
/// min/max (OpenEVSE, SmartEVSE), which needs the duty to be long compared with one conversion.
/// </para>
/// </summary>
public sealed class PwmControlPilot : IControlPilot, IDisposable
{
    private readonly IPwmOutput pwm;
    private readonly IMultiChannelAdc adc;
    private readonly IDigitalInput? pwmSync;
    private readonly PwmControlPilotOptions options;
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    private CpGeneratorOutput output = CpGeneratorOutput.StateF;

    /// <summary>Creates the pilot and drives state F at once.</summary>
    /// <param name="pwm">The hardware PWM channel driving the ±12 V stage.</param>
    /// <param name="adc">The ADC measuring CP through the divider.</param>
    /// <param name="pwmSync">Loop-back input reading the PWM pin (logical active = pin high); <see langword="null"/> for burst min/max.</param>
    /// <param name="options">Channel, scaling, sample counts.</param>
    /// <param name="timeProvider">Clock for the sample timestamps.</param>
    public PwmControlPilot(IPwmOutput pwm, IMultiChannelAdc adc, IDigitalInput? pwmSync, PwmControlPilotOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(pwm);
        ArgumentNullException.ThrowIfNull(adc);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.AdcChannel < 0 || options.AdcChannel >= adc.ChannelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AdcChannel, $"The ADC has channels 0–{adc.ChannelCount - 1}.");
        }

        if (options.Scaling.VoltsPerCount == 0 || double.IsNaN(options.Scaling.VoltsPerCount))
        {
            throw new ArgumentException("CP scaling VoltsPerCount must be non-zero.", nameof(options));
        }

        this.pwm = pwm;
        this.adc = adc;
        this.pwmSync = pwmSync;
        this.options = options;
        this.timeProvider = timeProvider;
        pwm.Start(options.FrequencyHz, PinDuty(0.0));
    }

    /// <inheritdoc />
    public CpGeneratorOutput Output
    {
        get
        {
            lock (gate)
            {
                return output;
            }
        }
    }

    /// <inheritdoc />
    public void SetPwm(double dutyCyclePercent)
    {
        if (double.IsNaN(dutyCyclePercent) || dutyCyclePercent <= 0.0 || dutyCyclePercent >= 100.0)
        {
            throw new ArgumentOutOfRangeException(nameof(dutyCyclePercent), dutyCyclePercent, "PWM duty must be strictly between 0 and 100 %; use SetSteadyHigh or SetStateF for the steady levels.");
        }

        Drive(new CpGeneratorOutput(CpGeneratorMode.Pwm, dutyCyclePercent));
    }

    /// <inheritdoc />
    public void SetSteadyHigh() => Drive(CpGeneratorOutput.SteadyHigh);

    /// <inheritdoc />
    public void SetStateF() => Drive(CpGeneratorOutput.StateF);

    /// <inheritdoc />
    public ValueTask<CpSample> SampleAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var current = Output;
        CpPlateaus plateaus;
        if (!current.IsPwmRunning)
        {
            var v = options.Scaling.ToVolts(SteadyCount());
            plateaus = new CpPlateaus(v, v);
        }
        else if (pwmSync is not null)
        {
            plateaus = SampleInStep(pwmSync, cancellationToken);
        }
        else
        {
            plateaus = SampleBurst(cancellationToken);
        }

        return ValueTask.FromResult(new CpSample(plateaus, current, timeProvider.GetUtcNow()));
    }

    /// <summary>Drives state F (the safe state) and releases the PWM channel.</summary>
    public void Dispose()
    {
        SetStateF();
        pwm.Dispose();
    }

    private static double Median(List<int> codes)
    {
        codes.Sort();
        var mid = codes.Count / 2;
        return codes.Count % 2 == 1 ? codes[mid] : (codes[mid - 1] + codes[mid]) / 2.0;
    }

    private double PinDuty(double fraction) => options.InvertedOutput ? 1.0 - fraction : fraction;

    private void Drive(CpGeneratorOutput next)
    {
        lock (gate)
        {
            var duty = PinDuty(next.DutyCyclePercent / 100.0);
            if (pwm.IsRunning)
            {
                pwm.SetDutyCycle(duty);
            }
            else
            {
                pwm.Start(options.FrequencyHz, duty);
            }

            output = next;
        }
    }

    private double SteadyCount()
    {
        var codes = new List<int>(options.SteadySamples);
        for (var i = 0; i < Math.Max(1, options.SteadySamples); i++)
        {
            codes.Add(adc.ReadCount(options.AdcChannel));
        }

        return Median(codes);
    }

    private CpPlateaus SampleInStep(IDigitalInput sync, CancellationToken cancellationToken)
    {
        var high = new List<int>(options.SamplesPerPlateau);
        var low = new List<int>(options.SamplesPerPlateau);
        var cpHighWhenPinHigh = !options.InvertedOutput;
        for (var i = 0; i < options.MaxSamplesPerWindow; i++)
        {
            if ((i & 0x3F) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var before = sync.Read();
            var code = adc.ReadCount(options.AdcChannel);
            if (sync.Read() != before)
            {
                continue; // an edge fell inside the conversion
            }

            (before == cpHighWhenPinHigh ? high : low).Add(code);
            if (high.Count >= options.SamplesPerPlateau && low.Count >= options.SamplesPerPlateau)
            {
                break;
            }
        }

        // A plateau with no clean conversion (duty too short for the ADC) is reported as NaN, which classifies as
        // Invalid, rather than guessed.
        return new CpPlateaus(
            high.Count > 0 ? options.Scaling.ToVolts(Median(high)) : double.NaN,
            low.Count > 0 ? options.Scaling.ToVolts(Median(low)) : double.NaN);
    }

    private CpPlateaus SampleBurst(CancellationToken cancellationToken)
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        for (var i = 0; i < options.MaxSamplesPerWindow; i++)
        {
            if ((i & 0x3F) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var code = adc.ReadCount(options.AdcChannel);
            min = Math.Min(min, code);
            max = Math.Max(max, code);
        }

        // The scaling may be negative (inverting front end): the higher voltage is the high plateau either way.
        var a = options.Scaling.ToVolts(max);
        var b = options.Scaling.ToVolts(min);
        return new CpPlateaus(Math.Max(a, b), Math.Min(a, b));
    }
}
