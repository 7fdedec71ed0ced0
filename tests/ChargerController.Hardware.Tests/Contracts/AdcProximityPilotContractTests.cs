using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Hardware.Adc;
using ChargerController.Hardware.ProximityPilot;
using ChargerController.Simulator.Devices;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The real driver reading a 1 kΩ / 3.3 V pull-up divider with the cable's coding resistor to PE, through a 10-bit ADC.</summary>
public sealed class AdcProximityPilotContractTests : ProximityPilotContractTests, IAnalogInput
{
    private double resistanceOhm = double.PositiveInfinity;

    public AdcProximityPilotContractTests() =>
        ProximityPilot = new AdcProximityPilot(this, new ProximityPilotCircuit(), new FakeTimeProvider());

    protected override IProximityPilot ProximityPilot { get; }

    public ValueTask<double> ReadVoltsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var volts = double.IsPositiveInfinity(resistanceOhm) ? 3.3 : 3.3 * resistanceOhm / (1000 + resistanceOhm);
        var code = Math.Min(1023, Math.Round(volts / 3.3 * 1024));
        return ValueTask.FromResult(code * 3.3 / 1024);
    }

    protected override Task SetCableAsync(double? ratingA)
    {
        resistanceOhm = ratingA is { } a ? SimulatedProximityPilot.NominalResistorOhm(a) : double.PositiveInfinity;
        return Task.CompletedTask;
    }
}
