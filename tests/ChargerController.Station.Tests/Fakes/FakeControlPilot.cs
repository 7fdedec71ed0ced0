using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Tests.Fakes;

/// <summary>
/// A control pilot whose CP plateaus follow the nominal IEC 61851-1 circuit (REFERENCE.md §7.4): the test sets the EV
/// state and fault flags, or overrides the plateau voltages directly. Generator commands are recorded with their time.
/// </summary>
public sealed class FakeControlPilot(TimeProvider time) : IControlPilot
{
    public CpGeneratorOutput Output { get; private set; } = CpGeneratorOutput.StateF;

    /// <summary>A, B, C or D: the EV's resistor network.</summary>
    public CpState EvState { get; set; } = CpState.A;

    /// <summary>Shorted EV diode: the low plateau mirrors the high one.</summary>
    public bool DiodeShorted { get; set; }

    /// <summary>CP shorted to PE: both plateaus 0 V (state E).</summary>
    public bool ShortedToPe { get; set; }

    /// <summary>CP line forced to −12 V from outside (a fault on the line).</summary>
    public bool ForcedNegative { get; set; }

    /// <summary>Raw plateau voltages overriding the circuit model.</summary>
    public CpPlateaus? Override { get; set; }

    public Exception? ThrowOnSample { get; set; }

    public Exception? ThrowOnCommand { get; set; }

    /// <summary>When set, SampleAsync never completes until cancelled (a hung ADC).</summary>
    public bool Hang { get; set; }

    /// <summary>When set, SampleAsync never completes at all, ignoring cancellation (a driver stuck in a syscall).</summary>
    public bool HangIgnoringCancellation { get; set; }

    public List<(DateTimeOffset At, CpGeneratorOutput Output)> Commands { get; } = [];

    public int SampleCount { get; private set; }

    public void SetPwm(double dutyCyclePercent)
    {
        if (double.IsNaN(dutyCyclePercent) || dutyCyclePercent <= 0 || dutyCyclePercent >= 100)
        {
            throw new ArgumentOutOfRangeException(nameof(dutyCyclePercent));
        }

        Command(new CpGeneratorOutput(CpGeneratorMode.Pwm, dutyCyclePercent));
    }

    public void SetSteadyHigh() => Command(CpGeneratorOutput.SteadyHigh);

    public void SetStateF() => Command(CpGeneratorOutput.StateF);

    public ValueTask<CpSample> SampleAsync(CancellationToken cancellationToken)
    {
        SampleCount++;
        if (ThrowOnSample is { } ex)
        {
            throw ex;
        }

        if (HangIgnoringCancellation)
        {
            return new ValueTask<CpSample>(new TaskCompletionSource<CpSample>().Task);
        }

        if (Hang)
        {
            return new ValueTask<CpSample>(Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ContinueWith<CpSample>(_ => throw new OperationCanceledException(cancellationToken), TaskScheduler.Default));
        }

        return new ValueTask<CpSample>(new CpSample(Plateaus(), Output, time.GetUtcNow()));
    }

    public CpPlateaus Plateaus()
    {
        if (Output.Mode == CpGeneratorMode.StateF || ForcedNegative)
        {
            return new CpPlateaus(-12.0, -12.0);
        }

        if (Override is { } forced)
        {
            return forced;
        }

        if (ShortedToPe)
        {
            return new CpPlateaus(0.0, Output.IsPwmRunning ? -12.0 : 0.0);
        }

        var high = CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(EvState));
        if (!Output.IsPwmRunning)
        {
            return new CpPlateaus(high, high);
        }

        var evPresent = EvState is CpState.B or CpState.C or CpState.D;
        return new CpPlateaus(high, DiodeShorted && evPresent ? -high : -12.0);
    }

    private void Command(CpGeneratorOutput output)
    {
        if (ThrowOnCommand is { } ex)
        {
            throw ex;
        }

        Output = output;
        Commands.Add((time.GetUtcNow(), output));
    }
}
