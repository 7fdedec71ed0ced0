using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.LoadBalancing;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>Simulated EVSEs (pilot, contactor, meter, EV) whose loops read the smart-charging limits; the test steps the loops in virtual time.</summary>
internal sealed class SimulatedSmartStation : IAsyncDisposable
{
    private readonly List<SmartChargingEvseBinding> _bindings = [];

    public SimulatedSmartStation(FakeTimeProvider time, SmartChargingModule module, int evses, SimulatedEvOptions ev, bool phaseSwitching = false)
    {
        Time = time;
        Module = module;
        Devices = [.. Enumerable.Range(1, evses).Select(_ => new SimulatedEvse(time, new SimulatedEvseOptions { Ev = ev, Contactor = new SimulatedContactorOptions { SupportsPhaseSwitching = phaseSwitching } }))];
        Controllers = [.. Devices.Select((d, i) => new EvseController(
            new EvseDevices(d.ControlPilot, d.Contactor, d.ResidualCurrentMonitor, d.ConnectorLock, d.Meter, d.ProximityPilot),
            new EvseOptions { EvseId = i + 1, MeterPollInterval = TimeSpan.FromMilliseconds(500) },
            time,
            [module.Limits.LimitFor(i + 1)]))];
        foreach (var controller in Controllers)
        {
            _bindings.Add(new SmartChargingEvseBinding(controller, module.Limits));
        }
    }

    public FakeTimeProvider Time { get; }

    public SmartChargingModule Module { get; }

    public IReadOnlyList<SimulatedEvse> Devices { get; }

    public IReadOnlyList<EvseController> Controllers { get; }

    public SimulatedEvse Evse(int id) => Devices[id - 1];

    public EvseController Controller(int id) => Controllers[id - 1];

    /// <summary>The current the simulated meter of an EVSE measures on L1.</summary>
    public async Task<double> MeteredCurrentAsync(int id) => (await Evse(id).Meter.ReadAsync(CancellationToken.None)).CurrentA[0];

    /// <summary>Plugs an EV, authorizes the session and lets it ask for energy.</summary>
    public async Task StartAsync(int id)
    {
        Evse(id).Ev.Plug(CpState.C);
        Controller(id).Authorize();
        await RunForAsync(TimeSpan.FromMilliseconds(50));
    }

    public async Task RunForAsync(TimeSpan duration)
    {
        var steps = (int)Math.Ceiling(duration / TimeSpan.FromMilliseconds(10));
        for (var i = 0; i < steps; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(10));
            foreach (var controller in Controllers)
            {
                await controller.StepAsync(CancellationToken.None);
            }

            await Task.Yield();
        }
    }

    public async Task<TimeSpan> RunUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var start = Time.GetTimestamp();
        while (!condition())
        {
            if (Time.GetElapsedTime(start) > limit)
            {
                Assert.Fail($"condition not met within {limit}; EVSEs: {string.Join("; ", Controllers.Select(c => c.Snapshot))}");
            }

            await RunForAsync(TimeSpan.FromMilliseconds(10));
        }

        return Time.GetElapsedTime(start);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var binding in _bindings)
        {
            binding.Dispose();
        }

        foreach (var controller in Controllers)
        {
            await controller.DisposeAsync();
        }

        foreach (var device in Devices)
        {
            device.Dispose();
        }
    }
}
