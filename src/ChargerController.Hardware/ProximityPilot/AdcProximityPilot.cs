using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Hardware.Adc;

namespace ChargerController.Hardware.ProximityPilot;

/// <summary>
/// PP through a pull-up and an ADC: R<sub>C</sub> = R<sub>pu</sub> · V / (V<sub>ref</sub> − V). With 1 kΩ to 3.3 V:
/// 1.5 kΩ → 1.98 V, 680 Ω → 1.34 V, 220 Ω → 0.60 V, 100 Ω → 0.30 V, open → 3.3 V. Decoding is the shared
/// <see cref="ProximityPilotTable"/>.
/// </summary>
public sealed class AdcProximityPilot : IProximityPilot
{
    private readonly IAnalogInput input;
    private readonly ProximityPilotCircuit circuit;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the driver.</summary>
    /// <param name="input">The ADC channel on PP.</param>
    /// <param name="circuit">Pull-up and reference.</param>
    /// <param name="timeProvider">Clock for the timestamps.</param>
    public AdcProximityPilot(IAnalogInput input, ProximityPilotCircuit circuit, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(circuit.PullUpOhm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(circuit.SupplyV);
        this.input = input;
        this.circuit = circuit;
        this.timeProvider = timeProvider;
    }

    /// <summary>The resistance for a voltage at the ADC.</summary>
    /// <param name="volts">ADC input voltage.</param>
    /// <param name="circuit">The circuit.</param>
    /// <returns>Ohms; ∞ within 1 % of the reference (open PP).</returns>
    public static double ResistanceOhm(double volts, ProximityPilotCircuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (double.IsNaN(volts))
        {
            return double.NaN;
        }

        if (volts >= circuit.SupplyV * 0.99)
        {
            return double.PositiveInfinity;
        }

        return circuit.PullUpOhm * Math.Max(0.0, volts) / (circuit.SupplyV - volts);
    }

    /// <inheritdoc />
    public async ValueTask<ProximityPilotReading> ReadAsync(CancellationToken cancellationToken)
    {
        var volts = await input.ReadVoltsAsync(cancellationToken).ConfigureAwait(false);
        var ohm = ResistanceOhm(volts, circuit);
        return new ProximityPilotReading(ohm, ProximityPilotTable.Decode(ohm), timeProvider.GetUtcNow());
    }
}
