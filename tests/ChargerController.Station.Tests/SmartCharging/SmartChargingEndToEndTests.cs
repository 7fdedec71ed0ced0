using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Ev;
using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance.SmartCharging;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>
/// SetChargingProfile over the WebSocket → composite → EVSE limit → PWM duty on the simulated pilot → the simulated EV
/// follows → the simulated meter shows it; limit 0 pauses and a later limit resumes. Virtual time.
/// </summary>
public sealed class SmartChargingEndToEndTests
{
    [Fact]
    public async Task TxProfile_OverWebSocket_DrivesPilotEvAndMeter_ZeroPausesAndResumes()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        await using var station = new SimulatedSmartStation(cs.H.Time, cs.Module, evses: 1, SimulatedEvProfiles.ThreePhase22Kw);
        var evse = station.Evse(1);
        cs.H.Transactions.Start(1);
        await station.StartAsync(1);
        await station.RunUntilAsync(() => evse.Ev.FollowedAllowedCurrentA >= 31.9 && evse.Contactor.L1Conducting, TimeSpan.FromSeconds(10));
        Assert.InRange(await station.MeteredCurrentAsync(1), 31.5, 32.0);

        // 10 A: the duty drops at the next loop step (decreases are immediate), the EV follows within its response time.
        Assert.Equal("Accepted", await cs.SetAsync(1, Tx(801, "tx-1", limit: 10)));
        await station.RunForAsync(TimeSpan.FromMilliseconds(10));
        Assert.Equal(DutyCycle.FromCurrent(10), evse.ControlPilot.Output.DutyCyclePercent, 6);
        await station.RunUntilAsync(() => evse.Ev.FollowedAllowedCurrentA <= 10.01, TimeSpan.FromSeconds(2));
        await station.RunForAsync(TimeSpan.FromMilliseconds(600));
        Assert.InRange(await station.MeteredCurrentAsync(1), 9.5, 10.0);

        // 0 A: the offer stops (X1), the EV stops drawing and the contactor opens; the transaction is untouched.
        Assert.Equal("Accepted", await cs.SetAsync(1, Tx(801, "tx-1", limit: 0)));
        await station.RunForAsync(TimeSpan.FromMilliseconds(10));
        Assert.False(evse.ControlPilot.Output.IsPwmRunning);
        Assert.Equal(EvseChargingState.SuspendedEVSE, station.Controller(1).Snapshot.ChargingState);
        await station.RunUntilAsync(() => !evse.Contactor.L1Conducting, TimeSpan.FromSeconds(7));
        Assert.Equal(0, await station.MeteredCurrentAsync(1), 3);

        // 16 A: PWM returns, the EV resumes and the meter shows 16 A.
        Assert.Equal("Accepted", await cs.SetAsync(1, Tx(801, "tx-1", limit: 16)));
        await station.RunUntilAsync(() => evse.ControlPilot.Output.IsPwmRunning, TimeSpan.FromSeconds(6));
        Assert.Equal(DutyCycle.FromCurrent(16), evse.ControlPilot.Output.DutyCyclePercent, 6);
        await station.RunUntilAsync(() => evse.Contactor.L1Conducting && evse.Ev.FollowedAllowedCurrentA >= 15.9, TimeSpan.FromSeconds(10));
        await station.RunForAsync(TimeSpan.FromMilliseconds(600));
        Assert.InRange(await station.MeteredCurrentAsync(1), 15.5, 16.0);
        Assert.Equal(EvseChargingState.Charging, station.Controller(1).Snapshot.ChargingState);
    }

    [Fact]
    public async Task SchedulePeriodBoundary_AppliedByTimer_WithinOneControlPeriod()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        await using var station = new SimulatedSmartStation(cs.H.Time, cs.Module, evses: 1, SimulatedEvProfiles.ThreePhase22Kw);
        var periods = """[{"startPeriod":0,"limit":20,"numberPhases":3},{"startPeriod":60,"limit":8,"numberPhases":3}]""";
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(802, "TxDefaultProfile", startSchedule: "2025-01-01T12:00:30Z", periods: periods)));
        await station.StartAsync(1);
        await station.RunUntilAsync(() => station.Evse(1).ControlPilot.Output.IsPwmRunning, TimeSpan.FromSeconds(2));
        Assert.Equal(DutyCycle.FromCurrent(32), station.Evse(1).ControlPilot.Output.DutyCyclePercent, 6);

        // The profile starts at 12:00:30 with 20 A and drops to 8 A at 12:01:30.
        var drop = new DateTimeOffset(2025, 1, 1, 12, 1, 30, TimeSpan.Zero);
        await station.RunUntilAsync(() => station.Evse(1).ControlPilot.Output.DutyCyclePercent < DutyCycle.FromCurrent(9), TimeSpan.FromMinutes(3));
        Assert.InRange(cs.H.Time.GetUtcNow() - drop, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
        Assert.Equal(DutyCycle.FromCurrent(8), station.Evse(1).ControlPilot.Output.DutyCyclePercent, 6);
    }
}
