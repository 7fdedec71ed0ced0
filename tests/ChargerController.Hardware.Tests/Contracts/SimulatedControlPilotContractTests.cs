using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Contracts;

public sealed class SimulatedControlPilotContractTests : ControlPilotContractTests
{
    private readonly FakeTimeProvider time = new();
    private readonly SimulatedEv ev;

    public SimulatedControlPilotContractTests()
    {
        ev = new SimulatedEv(time, new SimulatedEvOptions { ResponseDelay = TimeSpan.FromMilliseconds(20) });
        Pilot = new SimulatedControlPilot(time, ev);
    }

    protected override IControlPilot Pilot { get; }

    protected override Task SetEvLoadAsync(CpState state)
    {
        if (state == CpState.A)
        {
            ev.Unplug();
        }
        else if (!ev.IsPlugged)
        {
            ev.Plug(state);
        }
        else
        {
            ev.SetRequestedState(state);
        }

        return Task.CompletedTask;
    }

    protected override Task WaitAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }
}
