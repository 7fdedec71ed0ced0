using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.ControlPilot;
using ChargerController.Hardware.Tests.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.ControlPilot;

public sealed class PwmControlPilotTests
{
    // The generic-pi4 divider: 100 kΩ / 24.9 kΩ to 3.3 V / 33.2 kΩ to GND, 10-bit, Vref 3.3 V.
    private static readonly CpMeasurementScaling Scaling = new(0.025872, -13.253);
    private static readonly int Code9V = Code(8.98);
    private static readonly int CodeMinus12V = Code(-12.0);
    private readonly FakeTimeProvider time = new();
    private readonly FakePwmOutput pwm = new();

    private static int Code(double volts) => (int)Math.Round((volts - Scaling.OffsetV) / Scaling.VoltsPerCount);

    private PwmControlPilot Create(FakeCpLine line, bool withSync = true, bool inverted = false) =>
        new(pwm, line, withSync ? line.SyncInput : null, new PwmControlPilotOptions { AdcChannel = 0, Scaling = Scaling, InvertedOutput = inverted }, time);

    [Fact]
    public void Create_StartsThePwmAt1kHzInStateF()
    {
        var pilot = Create(new FakeCpLine(pwm, Code9V, CodeMinus12V));

        Assert.True(pwm.IsRunning);
        Assert.Equal(1000.0, pwm.FrequencyHz);
        Assert.Equal(0.0, pwm.DutyCycle);
        Assert.Equal(CpGeneratorOutput.StateF, pilot.Output);
    }

    [Theory]
    [InlineData(26.6667, 0.266667)]
    [InlineData(10.0, 0.10)]
    [InlineData(96.0, 0.96)]
    public void SetPwm_WritesTheDutyAsAFraction(double percent, double fraction)
    {
        var pilot = Create(new FakeCpLine(pwm, Code9V, CodeMinus12V));

        pilot.SetPwm(percent);

        Assert.Equal(fraction, pwm.DutyCycle, 6);
        Assert.Equal(new CpGeneratorOutput(CpGeneratorMode.Pwm, percent), pilot.Output);
    }

    [Fact]
    public void SteadyLevels_AreDutyValuesOnARunningChannel()
    {
        var pilot = Create(new FakeCpLine(pwm, Code9V, CodeMinus12V));

        pilot.SetSteadyHigh();
        Assert.Equal(1.0, pwm.DutyCycle);
        pilot.SetStateF();
        Assert.Equal(0.0, pwm.DutyCycle);
        Assert.True(pwm.IsRunning);
    }

    [Fact]
    public void InvertedOutputStage_WritesOneMinusDuty()
    {
        var pilot = Create(new FakeCpLine(pwm, Code9V, CodeMinus12V), inverted: true);
        Assert.Equal(1.0, pwm.DutyCycle);

        pilot.SetPwm(25);

        Assert.Equal(0.75, pwm.DutyCycle, 9);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(26.6667)]
    [InlineData(50.0)]
    [InlineData(96.0)]
    public async Task SampleAsync_WithLoopBack_TakesHighDuringOnTimeAndLowDuringOffTimeAndNeverAcrossAnEdge(double dutyPercent)
    {
        var line = new FakeCpLine(pwm, Code9V, CodeMinus12V);
        var pilot = Create(line);
        pilot.SetPwm(dutyPercent);

        for (var window = 0; window < 20; window++)
        {
            var sample = await pilot.SampleAsync(CancellationToken.None);

            Assert.Equal(8.98, sample.Plateaus.HighV, 1);
            Assert.Equal(-12.0, sample.Plateaus.LowV, 1);
            Assert.Equal(CpState.B, CpStateClassifier.Classify(sample.Plateaus, CpState.Invalid));
            Assert.Equal(DiodeCheckResult.Passed, DiodeCheck.Evaluate(sample.Plateaus, sample.Output.IsPwmRunning, CpState.B));
        }
    }

    [Fact]
    public async Task SampleAsync_WithoutLoopBack_BurstMinMaxIsCorruptedByEdgeSamples()
    {
        // Why the loop-back exists: burst min/max cannot tell an edge sample from a plateau.
        var line = new FakeCpLine(pwm, Code9V, CodeMinus12V) { ConversionUs = 40 };
        var burst = Create(line, withSync: false);
        burst.SetPwm(50);

        var sample = await burst.SampleAsync(CancellationToken.None);

        Assert.Equal(Scaling.ToVolts(FakeCpLine.DefaultEdgeCode), sample.Plateaus.HighV, 6);
        Assert.Equal(CpState.Invalid, CpStateClassifier.Classify(sample.Plateaus, CpState.B));
    }

    [Fact]
    public async Task SampleAsync_WithoutLoopBack_CleanLineGivesBothPlateaus()
    {
        var line = new FakeCpLine(pwm, Code9V, CodeMinus12V) { ConversionUs = 40, EdgeCode = Code9V };
        var burst = Create(line, withSync: false);
        burst.SetPwm(50);

        var sample = await burst.SampleAsync(CancellationToken.None);

        Assert.Equal(8.98, sample.Plateaus.HighV, 1);
        Assert.Equal(-12.0, sample.Plateaus.LowV, 1);
    }

    [Fact]
    public async Task SampleAsync_DutyShorterThanAConversion_ReportsNaNHighPlateauNotAGuess()
    {
        var line = new FakeCpLine(pwm, Code9V, CodeMinus12V) { ConversionUs = 60 };
        var pilot = Create(line);
        pilot.SetPwm(5);

        var sample = await pilot.SampleAsync(CancellationToken.None);

        Assert.True(double.IsNaN(sample.Plateaus.HighV));
        Assert.Equal(-12.0, sample.Plateaus.LowV, 1);
        Assert.Equal(CpState.Invalid, CpStateClassifier.Classify(sample.Plateaus, CpState.B));
    }

    [Fact]
    public async Task SampleAsync_Steady_BothPlateausCarryTheLevel()
    {
        var line = new FakeCpLine(pwm, Code(12.0), CodeMinus12V);
        var pilot = Create(line);

        pilot.SetSteadyHigh();
        var sample = await pilot.SampleAsync(CancellationToken.None);

        Assert.Equal(12.0, sample.Plateaus.HighV, 1);
        Assert.Equal(sample.Plateaus.HighV, sample.Plateaus.LowV);
        Assert.Equal(CpGeneratorOutput.SteadyHigh, sample.Output);
        Assert.Equal(time.GetUtcNow(), sample.Timestamp);
    }

    [Fact]
    public async Task SampleAsync_StopsOnceEnoughSamplesPerPlateau()
    {
        var line = new FakeCpLine(pwm, Code9V, CodeMinus12V);
        var pilot = Create(line);
        pilot.SetPwm(50);

        await pilot.SampleAsync(CancellationToken.None);

        Assert.InRange(line.Conversions, 16, 400);
    }

    [Fact]
    public void Dispose_DrivesStateFThenReleasesTheChannel()
    {
        var pilot = Create(new FakeCpLine(pwm, Code9V, CodeMinus12V));
        pilot.SetPwm(50);

        pilot.Dispose();

        Assert.Equal(0.0, pwm.DutyWrites[^1]);
        Assert.True(pwm.Disposed);
    }

    [Fact]
    public void Scaling_TwoPointCalibration_RecoversTheDividerScaling()
    {
        var calibrated = CpMeasurementScaling.FromTwoPoints(Code(12.0), Code(-12.0));

        Assert.Equal(6.0, calibrated.ToVolts(Code(6.0)), 1);
        Assert.Equal(Scaling.VoltsPerCount, calibrated.VoltsPerCount, 4);
        Assert.Throws<ArgumentException>(() => CpMeasurementScaling.FromTwoPoints(500, 500));
    }

    [Fact]
    public void Create_AdcChannelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new PwmControlPilot(pwm, new FakeCpLine(pwm, 0, 0), null, new PwmControlPilotOptions { AdcChannel = 8, Scaling = Scaling }, time));
    }
}
