using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>A grid meter for tests: the house load plus whatever the simulated EVSE meters measure, per phase.</summary>
internal sealed class SiteMeter(TimeProvider time, IReadOnlyList<SimulatedEvse> chargers) : IEnergyMeter
{
    public double HouseCurrentA { get; set; }

    public int Phases => 3;

    public async ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        var currents = new[] { HouseCurrentA, HouseCurrentA, HouseCurrentA };
        foreach (var charger in chargers)
        {
            var reading = await charger.Meter.ReadAsync(cancellationToken);
            for (var p = 0; p < reading.CurrentA.Count; p++)
            {
                currents[p] += reading.CurrentA[p];
            }
        }

        return new MeterReading(time.GetUtcNow(), [230, 230, 230], currents, [.. currents.Select(c => c * 230)], currents.Sum() * 230, 0, null, 50);
    }
}
