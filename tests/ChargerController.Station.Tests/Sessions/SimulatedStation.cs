using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Control;
using ChargerController.Station.Evse;
using ChargerController.Station.Sessions;
using ChargerController.Simulator.Devices;
using ChargerController.Simulator.Ev;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Station.Tests.Sessions;

/// <summary>A whole station on simulated devices and virtual time: N EVSEs, their controllers, the coordinator and the control service. The test steps every loop.</summary>
public sealed class SimulatedStation : IAsyncDisposable
{
    private int nextTransaction;

    public SimulatedStation(int evses = 1, ITokenAuthorizer? authorizer = null, SessionCoordinatorOptions? sessionOptions = null, IOcppStatusSource? ocpp = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        Devices = [.. Enumerable.Range(1, evses).Select(_ => new SimulatedEvse(Time, new SimulatedEvseOptions { Ev = SimulatedEvProfiles.ThreePhase11Kw }))];
        Controllers = [.. Devices.Select((d, i) => new EvseController(
            new EvseDevices(d.ControlPilot, d.Contactor, d.ResidualCurrentMonitor, d.ConnectorLock, d.Meter, d.ProximityPilot),
            new EvseOptions { EvseId = i + 1 },
            Time))];
        Meters = Devices.Select((d, i) => (Id: i + 1, Meter: (IEnergyMeter)d.Meter)).ToDictionary(x => x.Id, x => x.Meter);
        Sessions = new SessionCoordinator(Controllers, Meters, authorizer ?? new AcceptAllAuthorizer(), sessionOptions ?? new SessionCoordinatorOptions(), Time, transactionIds: () => "tx-" + ++nextTransaction);
        Control = new StationControlService(Controllers, Meters, Sessions, ocpp ?? new OfflineOcppStatusSource(), new StationControlOptions(true, "9.9.9"), Time);
    }

    public FakeTimeProvider Time { get; }

    public IReadOnlyList<SimulatedEvse> Devices { get; }

    public IReadOnlyList<EvseController> Controllers { get; }

    public IReadOnlyDictionary<int, IEnergyMeter> Meters { get; }

    public SessionCoordinator Sessions { get; }

    public StationControlService Control { get; }

    public SimulatedEvse Evse(int id) => Devices[id - 1];

    public EvseSnapshot Snapshot(int id) => Controllers[id - 1].Snapshot;

    /// <summary>Advances virtual time in 10 ms loop periods, stepping every EVSE each period.</summary>
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

            // Device operations the loop started (the lock's actuation) complete on continuations: let them run.
            await Task.Yield();
        }
    }

    /// <summary>Steps until <paramref name="condition"/> holds; fails after <paramref name="limit"/> of virtual time.</summary>
    public async Task<TimeSpan> RunUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var start = Time.GetTimestamp();
        while (!condition())
        {
            if (Time.GetElapsedTime(start) > limit)
            {
                Assert.Fail($"condition not met within {limit} of virtual time; EVSEs: {string.Join("; ", Controllers.Select(c => c.Snapshot))}");
            }

            await RunForAsync(TimeSpan.FromMilliseconds(10));
        }

        return Time.GetElapsedTime(start);
    }

    public async Task<ChargerController.Control.Wire.EvseStatus> StatusOfAsync(int id) =>
        (await Control.GetStatusAsync(CancellationToken.None)).Evses.Single(e => e.Id == id);

    public async ValueTask DisposeAsync()
    {
        Sessions.Dispose();
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
