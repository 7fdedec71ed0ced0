using ChargerController.Hardware.Adc;
using ChargerController.Hardware.Tests.Ports;

namespace ChargerController.Hardware.Tests.ControlPilot;

/// <summary>
/// A CP line in virtual microseconds: the PWM pin follows the fake PWM output's duty; every read of the loop-back input
/// costs <see cref="SyncReadUs"/>, every ADC conversion <see cref="ConversionUs"/>. A conversion that straddles an edge
/// returns <see cref="EdgeCode"/> (full scale by default, i.e. an absurd +13 V), so any sample taken across an edge shows up.
/// </summary>
public sealed class FakeCpLine(FakePwmOutput pwm, Func<int> highCode, Func<int> lowCode) : IMultiChannelAdc
{
    public FakeCpLine(FakePwmOutput pwm, int highCode, int lowCode)
        : this(pwm, () => highCode, () => lowCode)
    {
    }

    public const int DefaultEdgeCode = 1023;

    public int EdgeCode { get; init; } = DefaultEdgeCode;

    public double NowUs { get; set; } = 3.0;

    public double PeriodUs { get; init; } = 1000.0;

    public double SyncReadUs { get; init; } = 2.0;

    public double ConversionUs { get; init; } = 24.0;

    public int Conversions { get; private set; }

    public int ChannelCount => 8;

    public int Codes => 1024;

    public double ReferenceV => 3.3;

    public FakeDigitalInput SyncInput => new(() =>
    {
        var level = PinHigh(NowUs);
        NowUs += SyncReadUs;
        return level;
    });

    public int ReadCount(int channel)
    {
        Conversions++;
        var start = NowUs;
        NowUs += ConversionUs;
        var a = PinHigh(start);
        var b = PinHigh(NowUs);
        if (a != b)
        {
            return EdgeCode;
        }

        return a ? highCode() : lowCode();
    }

    private bool PinHigh(double us)
    {
        if (!pwm.IsRunning)
        {
            return false;
        }

        var phase = us % PeriodUs / PeriodUs;
        return phase < pwm.DutyCycle;
    }
}
