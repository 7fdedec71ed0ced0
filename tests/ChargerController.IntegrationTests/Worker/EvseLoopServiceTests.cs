using ChargerController.Hardware.Abstractions.ControlPilot;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Devices;
using ChargerController.Station.Evse;
using ChargerController.Worker.Health;
using ChargerController.Worker.Station;

namespace ChargerController.IntegrationTests.Worker;

/// <summary>chargerd's EVSE loop host: safe state on host stop (SIGTERM) and the watchdog probe (real clock: the loop's own timers run).</summary>
public sealed class EvseLoopServiceTests
{
    [Fact]
    public async Task HostStop_WhileCharging_OpensContactor_PilotStateF_ProbeGoesStale()
    {
        var time = TimeProvider.System;
        using var evse = new SimulatedEvse(time);
        var controller = new EvseController(
            new EvseDevices(evse.ControlPilot, evse.Contactor, evse.ResidualCurrentMonitor, evse.ConnectorLock, evse.Meter, evse.ProximityPilot),
            new EvseOptions { RcdSelfTestAtStart = false },
            time);
        var health = new StationHealth(time);
        using var service = new EvseLoopService(controller, health, time);

        await service.StartAsync(CancellationToken.None);
        evse.Ev.Plug(CpState.C);
        controller.Authorize();
        await WaitAsync(() => evse.Contactor.ReadStatus().MainCommandedClosed, TimeSpan.FromSeconds(60)); // a hang guard: real time, a loaded CI machine
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(health.StaleProbes());

        await service.StopAsync(CancellationToken.None);

        Assert.False(evse.Contactor.ReadStatus().AnyCommandedClosed);
        Assert.Equal(CpGeneratorMode.StateF, evse.ControlPilot.Output.Mode);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal(["evse-1"], health.StaleProbes());
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
