using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>The IEnergyMeter contract for the Simulator's meter, in virtual time; "unreachable" is its meter-loss fault injection.</summary>
public sealed class SimulatedMeterContractTests : EnergyMeterContractTests, IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
    private readonly List<SimulatedMeter> meters = [];

    protected override TimeProvider Clock => time;

    public void Dispose()
    {
        foreach (var meter in meters)
        {
            meter.Dispose();
        }
    }

    protected override IEnergyMeter CreateHealthyMeter() => Create();

    protected override IEnergyMeter CreateUnreachableMeter()
    {
        var meter = Create();
        meter.Fault = MeterFault.Timeout;
        return meter;
    }

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }

    private SimulatedMeter Create()
    {
        var meter = new SimulatedMeter(time, new SimulatedEv(time), new SimulatedContactor(time));
        meters.Add(meter);
        return meter;
    }
}
