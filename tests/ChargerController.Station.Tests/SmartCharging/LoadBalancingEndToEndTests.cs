using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Simulator.Ev;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.LoadBalancing;
using ChargerController.Station.SmartCharging.Profiles;
using ChargerController.Station.Tests.Conformance;
using ChargerController.Station.Tests.Conformance.SmartCharging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>K04 local load balancing on simulated EVSEs in virtual time: station maximum, grid fuse, 1/3-phase switching.</summary>
public sealed class LoadBalancingEndToEndTests
{
    private static SmartChargingOptions Options(double? stationMax = null, GridMeterOptions? grid = null, bool phaseSwitching = false) => new()
    {
        Evses =
        [
            new SmartChargingEvseOptions { EvseId = 1, MaxCurrentA = 32, SupportsPhaseSwitching = phaseSwitching },
            new SmartChargingEvseOptions { EvseId = 2, MaxCurrentA = 32, SupportsPhaseSwitching = phaseSwitching },
        ],
        StationMaxCurrentA = stationMax,
        GridMeter = grid,
        PhaseSwitchHoldTime = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task StationMaximum_SharedAsEvsStartAndStop()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var transactions = new FakeTransactions();
        using var module = new SmartChargingModule(Options(stationMax: 20), new InMemoryChargingProfileStore(), transactions, time);
        await using var station = new SimulatedSmartStation(time, module, 2, SimulatedEvProfiles.ThreePhase22Kw);

        transactions.Start(1);
        await station.StartAsync(1);
        await station.RunUntilAsync(() => station.Evse(1).Ev.FollowedAllowedCurrentA >= 19.9, TimeSpan.FromSeconds(10));
        Assert.Equal(20, station.Controller(1).Snapshot.OfferedCurrentA, 3);

        // A second EV: both get 10 A; the first is lowered before (or in the same step as) the second is offered anything.
        time.Advance(TimeSpan.FromSeconds(1));
        transactions.Start(2);
        await station.StartAsync(2);
        await station.RunUntilAsync(() => station.Controller(2).Snapshot.OfferedCurrentA > 0, TimeSpan.FromSeconds(2));
        await station.RunForAsync(TimeSpan.FromSeconds(6));
        Assert.Equal(10, station.Controller(1).Snapshot.OfferedCurrentA, 3);
        Assert.Equal(10, station.Controller(2).Snapshot.OfferedCurrentA, 3);
        await station.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.InRange(await station.MeteredCurrentAsync(1) + await station.MeteredCurrentAsync(2), 19, 20);

        // The second leaves: the first goes back to 20 A (increase after the 5 s duty-cycle interval).
        station.Evse(2).Ev.Unplug();
        transactions.End(2);
        await station.RunUntilAsync(() => station.Controller(1).Snapshot.OfferedCurrentA >= 19.9, TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task ChargingStationMaxProfile_OverWebSocket_LowersTheSharedBudget()
    {
        await using var cs = await SmartChargingStation.StartAsync(options: Options());
        await using var station = new SimulatedSmartStation(cs.H.Time, cs.Module, 2, SimulatedEvProfiles.ThreePhase22Kw);
        await station.StartAsync(1);
        await station.StartAsync(2);
        await station.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(32, station.Controller(1).Snapshot.OfferedCurrentA, 3);

        Assert.Equal("Accepted", await cs.SetAsync(0, Max(901, limit: 24)));
        await station.RunForAsync(TimeSpan.FromMilliseconds(20));
        Assert.Equal(12, station.Controller(1).Snapshot.OfferedCurrentA, 3);
        Assert.Equal(12, station.Controller(2).Snapshot.OfferedCurrentA, 3);
    }

    [Fact]
    public async Task GridMeter_EvStarting_NotPausedByItsOwnCurrentBeforeItsMeterShowsIt()
    {
        // chargerd's intervals: the grid meter every 2 s, on its own clock; the EVSE meters in their loops. The first grid
        // reading with the EV drawing used to count the EV's 13 A as house load (its meter's reading from the contactor
        // event said 0 A): budget 0, the EV paused right after starting.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var grid = new GridMeterOptions { FuseCurrentA = 25, MarginA = 2, PollInterval = TimeSpan.FromSeconds(2), StaleAfter = TimeSpan.FromSeconds(10) };
        using var module = new SmartChargingModule(Options(grid: grid), new InMemoryChargingProfileStore(), new FakeTransactions(), time);
        await using var station = new SimulatedSmartStation(time, module, 2, SimulatedEvProfiles.ThreePhase11Kw);
        var site = new SiteMeter(time, station.Devices) { HouseCurrentA = 10 };
        var monitor = new GridMeterMonitor(site, module.Limits, grid, time, NullLogger<GridMeterMonitor>.Instance);
        await monitor.PollOnceAsync(CancellationToken.None);
        await station.StartAsync(1);

        var offers = new List<double>();
        for (var step = 0; step < 300; step++)
        {
            if (step % 20 == 7)
            {
                await monitor.PollOnceAsync(CancellationToken.None);
            }

            await station.RunForAsync(TimeSpan.FromMilliseconds(100));
            offers.Add(station.Controller(1).Snapshot.OfferedCurrentA);
        }

        var first = offers.FindIndex(o => o > 0);
        Assert.True(first >= 0, "never offered");
        Assert.All(offers.Skip(first), o => Assert.Equal(13, o, 1));
        Assert.InRange(await station.MeteredCurrentAsync(1), 12.5, 13.01);

        // A real rise of the house load still lowers the EV within two grid readings.
        site.HouseCurrentA = 15;
        for (var step = 0; step < 45; step++)
        {
            if (step % 20 == 0)
            {
                await monitor.PollOnceAsync(CancellationToken.None);
            }

            await station.RunForAsync(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(8, station.Controller(1).Snapshot.OfferedCurrentA, 1);
    }

    [Fact]
    public async Task GridMeter_KeepsTheSiteUnderItsFuse_PausesWhenNothingIsLeft()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var grid = new GridMeterOptions { FuseCurrentA = 25, MarginA = 2, StaleAfter = TimeSpan.FromSeconds(10) };
        using var module = new SmartChargingModule(Options(grid: grid), new InMemoryChargingProfileStore(), new FakeTransactions(), time);
        await using var station = new SimulatedSmartStation(time, module, 2, SimulatedEvProfiles.ThreePhase22Kw);
        var site = new SiteMeter(time, station.Devices) { HouseCurrentA = 10 };
        var monitor = new GridMeterMonitor(site, module.Limits, grid, time, NullLogger<GridMeterMonitor>.Instance);

        async Task RunWithMeterAsync(TimeSpan duration)
        {
            for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromMilliseconds(500))
            {
                await monitor.PollOnceAsync(CancellationToken.None);
                await station.RunForAsync(TimeSpan.FromMilliseconds(500));
            }
        }

        await monitor.PollOnceAsync(CancellationToken.None);
        await station.StartAsync(1);
        await RunWithMeterAsync(TimeSpan.FromSeconds(10));

        // House 10 A, fuse 25 A − 2 A margin: the EV may use 13 A; the site stays at or below 23 A.
        Assert.Equal(13, station.Controller(1).Snapshot.OfferedCurrentA, 1);
        Assert.InRange((await site.ReadAsync(CancellationToken.None)).CurrentA.Max(), 22, 23.01);

        // The house takes more: the EV is lowered at once.
        site.HouseCurrentA = 15;
        await RunWithMeterAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(8, station.Controller(1).Snapshot.OfferedCurrentA, 1);
        Assert.True((await site.ReadAsync(CancellationToken.None)).CurrentA.Max() <= 23.01);

        // Nothing useful left (3 A < 6 A): the EV pauses; when the house load drops it resumes.
        site.HouseCurrentA = 20;
        await RunWithMeterAsync(TimeSpan.FromSeconds(8));
        Assert.Equal(0, station.Controller(1).Snapshot.OfferedCurrentA);
        Assert.InRange(await station.MeteredCurrentAsync(1), 0, 0.01);
        site.HouseCurrentA = 5;
        await RunWithMeterAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(18, station.Controller(1).Snapshot.OfferedCurrentA, 1);
    }

    [Fact]
    public async Task PowerLimitBelowThreePhaseMinimum_SwitchesToOnePhase_ThenBack()
    {
        await using var cs = await SmartChargingStation.StartAsync(options: Options(phaseSwitching: true));
        await using var station = new SimulatedSmartStation(cs.H.Time, cs.Module, 2, SimulatedEvProfiles.ThreePhase22Kw, phaseSwitching: true);
        await station.StartAsync(1);
        await station.RunUntilAsync(() => station.Evse(1).Contactor.L1Conducting, TimeSpan.FromSeconds(5));

        // 4 kW is 5.8 A on three phases (would pause) but 17.4 A on one.
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(902, "TxDefaultProfile", limit: 4000, unit: "W")));
        await station.RunUntilAsync(() => station.Evse(1).Contactor.L1Conducting && !station.Evse(1).Contactor.L2L3Conducting, TimeSpan.FromSeconds(30));
        await station.RunUntilAsync(() => station.Controller(1).Snapshot.OfferedCurrentA >= 17, TimeSpan.FromSeconds(10));
        Assert.Equal(4000 / 230.0, station.Controller(1).Snapshot.OfferedCurrentA, 3);
        await station.RunForAsync(TimeSpan.FromSeconds(2));
        var reading = await station.Evse(1).Meter.ReadAsync(CancellationToken.None);
        Assert.InRange(reading.CurrentA[0], 16.5, 17.4);
        Assert.InRange(reading.CurrentA[1], 0, 0.01);

        // 11 kW: back to three phases after the hold time (16 A each).
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(902, "TxDefaultProfile", limit: 11040, unit: "W")));
        await station.RunUntilAsync(() => station.Evse(1).Contactor.L1Conducting && station.Evse(1).Contactor.L2L3Conducting, TimeSpan.FromSeconds(60));
        await station.RunUntilAsync(() => station.Controller(1).Snapshot.OfferedCurrentA >= 15.9, TimeSpan.FromSeconds(10));
        Assert.Equal(16, station.Controller(1).Snapshot.OfferedCurrentA, 1);
    }
}
