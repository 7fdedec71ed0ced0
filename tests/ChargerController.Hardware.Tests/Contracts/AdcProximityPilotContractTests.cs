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

    [Theory]
    [InlineData(1.98, 1500.0)]
    [InlineData(1.3408, 684.4)]
    [InlineData(0.595, 220.0)]
    [InlineData(0.3, 100.0)]
    [InlineData(0.0, 0.0)]
    public void ResistanceOhm_PullUpDivider(double volts, double expectedOhm)
    {
        Assert.Equal(expectedOhm, AdcProximityPilot.ResistanceOhm(volts, new ProximityPilotCircuit()), 0);
    }

    [Theory]
    [InlineData(3.3)]
    [InlineData(3.28)]
    public void ResistanceOhm_AtTheReference_IsOpen(double volts)
    {
        Assert.Equal(double.PositiveInfinity, AdcProximityPilot.ResistanceOhm(volts, new ProximityPilotCircuit()));
    }

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
