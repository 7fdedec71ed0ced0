using ChargerController.Control.Wire;
using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Station.Control;
using ChargerController.Station.Tests.Sessions;

namespace ChargerController.Station.Tests.Control;

public sealed class StationControlServiceTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Status_Idle_ReportsOfflineOcppHonestly_AndEveryEvse()
    {
        await using var station = new SimulatedStation(evses: 2);
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        var status = await station.Control.GetStatusAsync(CancellationToken.None);

        Assert.False(status.Connected);
        Assert.Null(status.Subprotocol);
        Assert.Equal("None", status.BootStatus);
        Assert.Equal(0, status.QueueDepth);
        Assert.True(status.Simulated);
        Assert.Equal("9.9.9", status.Version);
        Assert.Equal([1, 2], status.Evses.Select(e => e.Id));
        Assert.All(status.Evses, e =>
        {
            Assert.Equal("Available", e.ConnectorStatus);
            Assert.Equal("A", e.PilotState);
            Assert.False(e.ContactorClosed);
            Assert.Null(e.TransactionId);
            Assert.Null(e.Fault);
        });
    }

    [Fact]
    public async Task Status_ReportsWhatTheOcppSeamSays()
    {
        await using var station = new SimulatedStation(ocpp: new FixedOcppStatus(new OcppStatus(true, "ocpp2.1", "Accepted", 7)));

        var status = await station.Control.GetStatusAsync(CancellationToken.None);

        Assert.True(status.Connected);
        Assert.Equal("ocpp2.1", status.Subprotocol);
        Assert.Equal("Accepted", status.BootStatus);
        Assert.Equal(7, status.QueueDepth);
    }

    [Fact]
    public async Task Start_ThenPlug_Charges_StopOpensContactorWithinSoftStop_AndEndsSession()
    {
        await using var station = await ChargingAsync();

        var stop = station.Control.Stop(1);

        Assert.True(stop.Ok, stop.Message);
        var took = await station.RunUntilAsync(() => !station.Snapshot(1).ContactorClosed, TimeSpan.FromSeconds(7));
        Assert.True(took <= TimeSpan.FromSeconds(6), $"contactor opened after {took}");
        var status = await station.StatusOfAsync(1);
        Assert.Null(status.TransactionId);
        Assert.Equal(0.0, status.OfferedCurrentA);
        Assert.False(station.Control.Stop(1).Ok);
    }

    [Fact]
    public async Task AvailabilityInoperative_WhileCharging_StopsAndReportsUnavailable_OperativeRestores()
    {
        await using var station = await ChargingAsync();

        Assert.True(station.Control.SetAvailability(1, operative: false).Ok);
        await station.RunUntilAsync(() => !station.Snapshot(1).ContactorClosed, TimeSpan.FromSeconds(7));
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        var off = await station.StatusOfAsync(1);
        Assert.Equal("Unavailable", off.ConnectorStatus);
        Assert.Null(off.TransactionId);
        var refused = await station.Control.StartAsync(1, "X", CancellationToken.None);
        Assert.False(refused.Ok);
        Assert.Equal(ControlErrorCodes.Refused, refused.ErrorCode);

        Assert.True(station.Control.SetAvailability(1, operative: true).Ok);
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("Occupied", (await station.StatusOfAsync(1)).ConnectorStatus);
    }

    [Fact]
    public async Task RcdSelfTest_RefusedWhileCharging_AcceptedWhenIdle()
    {
        await using var station = await ChargingAsync();

        var refused = station.Control.RunRcdSelfTest(1);

        Assert.False(refused.Ok);
        Assert.Equal(ControlErrorCodes.Refused, refused.ErrorCode);
        Assert.True(station.Snapshot(1).ContactorClosed, "a refused test must not touch the charge");

        station.Evse(1).Ev.Unplug();
        await station.RunUntilAsync(() => !station.Snapshot(1).ContactorClosed, Settle);
        Assert.True(station.Control.RunRcdSelfTest(1).Ok);
        await station.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Null((await station.StatusOfAsync(1)).Fault);
    }

    [Fact]
    public async Task Unlock_RefusedDuringSession_DoneWithout()
    {
        await using var station = await ChargingAsync();

        Assert.Equal(ControlErrorCodes.Refused, station.Control.Unlock(1).ErrorCode);
        station.Control.Stop(1);
        await station.RunForAsync(TimeSpan.FromSeconds(7));
        Assert.True(station.Control.Unlock(1).Ok);
    }

    [Fact]
    public async Task UnknownEvse_IsInvalidArgument()
    {
        await using var station = new SimulatedStation();

        Assert.Equal(ControlErrorCodes.InvalidArgument, station.Control.Stop(3).ErrorCode);
        Assert.Equal(ControlErrorCodes.InvalidArgument, (await station.Control.StartAsync(0, null, CancellationToken.None)).ErrorCode);
        Assert.Equal(ControlErrorCodes.InvalidArgument, station.Control.SetAvailability(9, true).ErrorCode);
    }

    [Fact]
    public async Task MeterLoss_StatusStillAnswers_MeasuredZero_EnergyKept()
    {
        await using var station = await ChargingAsync();
        var before = await station.StatusOfAsync(1);

        station.Evse(1).Meter.Fault = MeterFault.Timeout;
        var during = await station.StatusOfAsync(1);

        Assert.Equal(0.0, during.MeasuredCurrentA);
        Assert.Equal(before.EnergyWh, during.EnergyWh);
    }

    [Fact]
    public async Task EnergyWh_CountsFromSessionStart_NotTheMeterRegister()
    {
        await using var station = new SimulatedStation();
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        // A first session moves the register.
        station.Evse(1).Ev.Plug(CpState.C);
        await station.Control.StartAsync(1, "A", CancellationToken.None);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);
        await station.RunForAsync(TimeSpan.FromMinutes(1));
        station.Evse(1).Ev.Unplug();
        await station.RunUntilAsync(() => station.Snapshot(1).PilotState == ChargerController.Station.Evse.Iec61851.PilotState.A, Settle);
        var register = (await station.StatusOfAsync(1)).EnergyWh;
        Assert.True(register > 150);

        station.Evse(1).Ev.Plug(CpState.C);
        await station.Control.StartAsync(1, "B", CancellationToken.None);
        var second = await station.StatusOfAsync(1);

        // No OCPP transaction layer here, so no transactionId to show; the second session is running.
        Assert.NotNull(station.Sessions.SessionOf(1));
        Assert.Equal(0.0, second.EnergyWh);
    }

    private static async Task<SimulatedStation> ChargingAsync()
    {
        var station = new SimulatedStation();
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        var start = await station.Control.StartAsync(1, null, CancellationToken.None);
        Assert.True(start.Ok, start.Message);
        Assert.Contains("CHARGERCTL", start.Message, StringComparison.Ordinal);
        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);
        await station.RunForAsync(TimeSpan.FromSeconds(3));
        Assert.True((await station.StatusOfAsync(1)).MeasuredCurrentA > 0);
        return station;
    }

    private sealed class FixedOcppStatus(OcppStatus status) : IOcppStatusSource
    {
        public OcppStatus Current => status;
    }
}
