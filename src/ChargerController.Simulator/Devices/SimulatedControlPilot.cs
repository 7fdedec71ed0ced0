using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Ev;

namespace ChargerController.Simulator.Devices;

/// <summary>
/// A control pilot whose plateaus follow the nominal IEC 61851-1 circuit (<see cref="CpCircuit"/>) loaded by a
/// <see cref="SimulatedEv"/>, the same (Vhigh, Vlow) abstraction EVerest's YetiSimulator uses: high plateau from the EV
/// load, −12 V low plateau while PWM runs (the EV diode blocks), the mirror of the high plateau with a shorted diode,
/// 0 V for state E, −12 V on both for state F. Fault injection: the measuring ADC fails.
/// </summary>
public sealed class SimulatedControlPilot : IControlPilot
{
    private readonly TimeProvider timeProvider;
    private readonly SimulatedEv? ev;
    private readonly Lock gate = new();
    private CpGeneratorOutput output = CpGeneratorOutput.StateF;
    private bool adcFailure;

    /// <summary>Creates the pilot in state F.</summary>
    /// <param name="timeProvider">Clock for the sample timestamps.</param>
    /// <param name="ev">The EV at the other end of the cable; <see langword="null"/> for an empty socket.</param>
    public SimulatedControlPilot(TimeProvider timeProvider, SimulatedEv? ev = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        this.ev = ev;
        ev?.ObservePilot(output);
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

    /// <summary>Fault: the CP measuring ADC fails, so <see cref="SampleAsync"/> throws <see cref="IOException"/>.</summary>
    public bool AdcFailure
    {
        get
        {
            lock (gate)
            {
                return adcFailure;
            }
        }

        set
        {
            lock (gate)
            {
                adcFailure = value;
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
        CpGeneratorOutput current;
        lock (gate)
        {
            if (adcFailure)
            {
                return ValueTask.FromException<CpSample>(new IOException("Simulated CP ADC failure."));
            }

            current = output;
        }

        var plateaus = Plateaus(current);
        return ValueTask.FromResult(new CpSample(plateaus, current, timeProvider.GetUtcNow()));
    }

    private CpPlateaus Plateaus(CpGeneratorOutput current)
    {
        const double minusTwelve = -CpCircuit.GeneratorV;
        if (current.Mode == CpGeneratorMode.StateF)
        {
            return new CpPlateaus(minusTwelve, minusTwelve);
        }

        var state = ev?.PresentedState ?? CpState.A;
        if (state == CpState.E)
        {
            return new CpPlateaus(0.0, 0.0);
        }

        var high = CpCircuit.HighPlateauV(CpCircuit.EvLoadOhm(state));
        if (current.Mode == CpGeneratorMode.SteadyHigh)
        {
            return new CpPlateaus(high, high);
        }

        var diodeShorted = state != CpState.A && ev is { DiodeShorted: true };
        return new CpPlateaus(high, diodeShorted ? -high : minusTwelve);
    }

    private void Drive(CpGeneratorOutput next)
    {
        lock (gate)
        {
            output = next;
        }

        ev?.ObservePilot(next);
    }
}
