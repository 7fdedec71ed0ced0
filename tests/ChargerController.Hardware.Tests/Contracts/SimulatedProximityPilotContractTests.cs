using ChargerController.Hardware.Abstractions.ProximityPilot;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedProximityPilotContractTests : ProximityPilotContractTests
{
    private readonly FakeTimeProvider time = new();
    private SimulatedProximityPilot pilot;

    public SimulatedProximityPilotContractTests() => pilot = new SimulatedProximityPilot(time);

    protected override IProximityPilot ProximityPilot => pilot;

    protected override Task SetCableAsync(double? ratingA)
    {
        if (ratingA is { } a)
        {
            var ev = new SimulatedEv(time, new SimulatedEvOptions { CableRatingA = a });
            ev.Plug();
            pilot = new SimulatedProximityPilot(time, ev);
        }
        else
        {
            pilot = new SimulatedProximityPilot(time);
        }

        return Task.CompletedTask;
    }
}
