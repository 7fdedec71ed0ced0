namespace ChargerController.Hardware.Abstractions.ControlPilot;

/// <summary>
/// The IEC 61851-1 control pilot of one EVSE: a ±12 V, 1 kHz generator behind R1 and a measurement of the CP line.
/// A physical primitive only (house rule 2): classifying states, debouncing and deciding what to offer is the
/// EVSE loop's job, using <c>Iec61851</c> helpers. Implementations start in <see cref="CpGeneratorMode.StateF"/>.
/// Members may be called from one control loop at a time; implementations need not be thread-safe for concurrent writers.
/// </summary>
public interface IControlPilot
{
    /// <summary>What the generator drives now.</summary>
    CpGeneratorOutput Output { get; }

    /// <summary>Starts (or changes) the 1 kHz PWM (X2) without a glitch.</summary>
    /// <param name="dutyCyclePercent">Duty cycle, percent, strictly between 0 and 100 (10–96 % for 6–80 A, 5 % for HLC).</param>
    /// <exception cref="ArgumentOutOfRangeException">The duty is NaN, ≤ 0 or ≥ 100 (use <see cref="SetSteadyHigh"/> / <see cref="SetStateF"/>).</exception>
    void SetPwm(double dutyCyclePercent);

    /// <summary>Drives a steady +12 V (X1, 100 %): no energy offered.</summary>
    void SetSteadyHigh();

    /// <summary>Drives a steady −12 V (state F, 0 %): EVSE not available. The safe state.</summary>
    void SetStateF();

    /// <summary>
    /// Measures both plateaus over one evaluation window (a few PWM periods): the high plateau during the on-time,
    /// the low plateau during the off-time.
    /// </summary>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="IOException">The measuring ADC could not be read.</exception>
    ValueTask<CpSample> SampleAsync(CancellationToken cancellationToken);
}
