using ChargerController.Hardware.Abstractions.Metering;

namespace ChargerController.Worker.Simulation;

/// <summary>
/// The grid meter of a <c>--simulate</c> run: a constant house load on every phase plus what the simulated chargers'
/// meters measure, as a real meter at the grid connection would see the site.
/// </summary>
internal sealed class SimulatedGridMeter(SimulatedHardware hardware, double houseLoadA, TimeProvider time) : IEnergyMeter
{
    private const double VoltageV = 230;

    public int Phases => 3;

    public double HouseLoadA { get; set; } = houseLoadA;

    public async ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        var house = HouseLoadA;
        double[] currents = [house, house, house];
        foreach (var evse in hardware.Evses)
        {
            var reading = await evse.Meter.ReadAsync(cancellationToken).ConfigureAwait(false);
            for (var phase = 0; phase < Math.Min(3, reading.CurrentA.Count); phase++)
            {
                currents[phase] += reading.CurrentA[phase];
            }
        }

        double[] powers = [.. currents.Select(c => c * VoltageV)];
        return new MeterReading(time.GetUtcNow(), [VoltageV, VoltageV, VoltageV], currents, powers, powers.Sum(), 0, null, 50);
    }
}
