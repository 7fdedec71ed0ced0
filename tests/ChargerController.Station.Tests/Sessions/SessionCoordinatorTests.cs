using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Evse;
using ChargerController.Station.Evse.Iec61851;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Tests.Sessions;

public sealed class SessionCoordinatorTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PlugThenTap_ContactorClosesCurrentFlowsEnergyGrows_UnplugEndsSessionAndOpens()
    {
        await using var station = new SimulatedStation();
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(1).PilotState == PilotState.B1, Settle);
        Assert.False(station.Snapshot(1).ContactorClosed);

        var result = await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None);

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal(1, result.Session!.EvseId);
        Assert.Equal("card", result.Session.Origin);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);
        await station.RunForAsync(TimeSpan.FromSeconds(3));
        var charging = await station.StatusOfAsync(1);
        Assert.Equal("C2", charging.PilotState);
        Assert.Equal(16.0, charging.MeasuredCurrentA, 1);
        Assert.Equal("tx-1", station.Sessions.SessionOf(1)!.TransactionId);

        // The status shows only an OCPP transactionId; this station has no transaction layer.
        Assert.Null(charging.TransactionId);
        var energyBefore = charging.EnergyWh;
        Assert.True(energyBefore > 0);

        await station.RunForAsync(TimeSpan.FromMinutes(1));
        var later = await station.StatusOfAsync(1);

        // 3 phases × 16 A × 230 V for one minute = 184 Wh.
        Assert.Equal(184.0, later.EnergyWh - energyBefore, 0);

        station.Evse(1).Ev.Unplug();
        await station.RunUntilAsync(() => station.Snapshot(1).PilotState == PilotState.A, Settle);
        Assert.False(station.Snapshot(1).ContactorClosed);
        Assert.Null(station.Sessions.SessionOf(1));
        Assert.Null((await station.StatusOfAsync(1)).TransactionId);
    }

    [Fact]
    public async Task TapBeforePlug_AuthorizationFirst_PlugIntoEvse1_ChargesThere()
    {
        await using var station = new SimulatedStation(evses: 2);
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        var result = await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None);

        Assert.True(result.AwaitingEv, result.Reason);
        Assert.Null(result.Session);
        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);
        Assert.Equal("04A1B2C3", station.Sessions.SessionOf(1)!.IdToken);
        Assert.False(station.Snapshot(2).SessionAuthorized);
        Assert.Empty(station.Sessions.AwaitingEv);
    }

    [Fact]
    public async Task E03_TapBeforePlug_TwoFreeEvses_PlugIntoEvse2_SessionOnEvse2()
    {
        await using var station = new SimulatedStation(evses: 2);
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        var started = new List<ChargingSession>();
        station.Sessions.SessionStarted += (_, s) => started.Add(s);
        var tappedAt = station.Time.GetUtcNow();

        var result = await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None);
        await station.RunForAsync(TimeSpan.FromSeconds(5));

        // Nothing is bound yet: neither EVSE offers energy to whoever plugs in without the driver's cable.
        Assert.True(result.AwaitingEv, result.Reason);
        Assert.Empty(started);
        Assert.False(station.Snapshot(1).SessionAuthorized);
        Assert.False(station.Snapshot(2).SessionAuthorized);

        station.Evse(2).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(2).ContactorClosed, Settle);

        var session = Assert.Single(started);
        Assert.Equal(2, session.EvseId);
        Assert.Equal("card", session.Origin);
        Assert.Equal(tappedAt, session.StartedAt);
        Assert.Null(station.Sessions.SessionOf(1));
        Assert.False(station.Snapshot(1).SessionAuthorized);

        // A second EV on EVSE 1 is not charged on the first driver's card.
        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.False(station.Snapshot(1).ContactorClosed);
        Assert.Null(station.Sessions.SessionOf(1));
    }

    [Fact]
    public async Task TapBeforePlug_TwoDrivers_FirstPlugTakesTheOldestAuthorization()
    {
        await using var station = new SimulatedStation(evses: 2);
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        Assert.True((await station.Sessions.PresentCardAsync("0A0A0A0A", CancellationToken.None)).AwaitingEv);
        Assert.True((await station.Sessions.PresentCardAsync("0B0B0B0B", CancellationToken.None)).AwaitingEv);
        var third = await station.Sessions.PresentCardAsync("0C0C0C0C", CancellationToken.None);
        Assert.False(third.Accepted);
        Assert.False(third.AwaitingEv);

        station.Evse(2).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(2).ContactorClosed, Settle);
        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);

        Assert.Equal("0A0A0A0A", station.Sessions.SessionOf(2)!.IdToken);
        Assert.Equal("0B0B0B0B", station.Sessions.SessionOf(1)!.IdToken);
    }

    [Fact]
    public async Task TapBeforePlug_PlugIntoEvseWithItsOwnSession_DoesNotTakeTheAuthorization()
    {
        await using var station = new SimulatedStation(evses: 3);
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        var remote = await station.Sessions.RemoteStartAsync(1, "REMOTE1", CancellationToken.None);
        Assert.True(remote.Accepted, remote.Reason);

        Assert.True((await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None)).AwaitingEv);
        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);

        Assert.Equal("REMOTE1", station.Sessions.SessionOf(1)!.IdToken);
        Assert.Equal("04A1B2C3", Assert.Single(station.Sessions.AwaitingEv).IdToken);
        station.Evse(3).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(3).ContactorClosed, Settle);
        Assert.Equal("04A1B2C3", station.Sessions.SessionOf(3)!.IdToken);
    }

    [Fact]
    public async Task E03_TapBeforePlug_TwoFreeEvses_ExpiresAfterConnectionTimeout_LaterPlugNotCharged()
    {
        await using var station = new SimulatedStation(evses: 2, sessionOptions: new SessionCoordinatorOptions { ConnectionTimeout = TimeSpan.FromSeconds(30) });
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        Assert.True((await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None)).AwaitingEv);
        await station.RunForAsync(TimeSpan.FromSeconds(29));
        Assert.Single(station.Sessions.AwaitingEv);
        await station.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Empty(station.Sessions.AwaitingEv);

        station.Evse(2).Ev.Plug(CpState.C);
        await station.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Null(station.Sessions.SessionOf(2));
        Assert.False(station.Snapshot(2).ContactorClosed);
    }

    [Fact]
    public async Task TapBeforePlug_SameCardAgain_WithdrawsTheAuthorization()
    {
        await using var station = new SimulatedStation(evses: 2);
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        Assert.True((await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None)).AwaitingEv);
        var again = await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None);

        Assert.Contains("withdrawn", again.Reason, StringComparison.Ordinal);
        Assert.Empty(station.Sessions.AwaitingEv);
        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Null(station.Sessions.SessionOf(1));
    }

    [Fact]
    public async Task Tap_WithEvWaitingOnSecondEvse_AuthorizesTheSecond()
    {
        await using var station = new SimulatedStation(evses: 2);
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        station.Evse(2).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(2).ConnectorStatus == ConnectorStatus.Occupied, Settle);

        var result = await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None);

        Assert.Equal(2, result.Session!.EvseId);
        await station.RunUntilAsync(() => station.Snapshot(2).ContactorClosed, Settle);
        Assert.False(station.Snapshot(1).SessionAuthorized);
    }

    [Fact]
    public async Task CoordinatorCreatedAfterEvPlugged_StillSendsTheCardToThatEvse()
    {
        await using var station = new SimulatedStation(evses: 2);
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        station.Evse(2).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(2).ConnectorStatus == ConnectorStatus.Occupied, Settle);
        using var late = new SessionCoordinator(station.Controllers, station.Meters, new AcceptAllAuthorizer(), new SessionCoordinatorOptions(), station.Time);

        var result = await late.PresentCardAsync("04A1B2C3", CancellationToken.None);

        Assert.Equal(2, result.Session!.EvseId);
    }

    [Fact]
    public async Task E03_TapWithoutEv_ExpiresAfterConnectionTimeout()
    {
        await using var station = new SimulatedStation(sessionOptions: new SessionCoordinatorOptions { ConnectionTimeout = TimeSpan.FromSeconds(30) });
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        var ended = new List<ChargingSession>();
        station.Sessions.SessionEnded += (_, s) => ended.Add(s);

        await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None);
        await station.RunForAsync(TimeSpan.FromSeconds(29));
        Assert.NotNull(station.Sessions.SessionOf(1));
        await station.RunForAsync(TimeSpan.FromSeconds(2));

        Assert.Null(station.Sessions.SessionOf(1));
        Assert.Single(ended);
        Assert.False(station.Snapshot(1).SessionAuthorized);
    }

    [Fact]
    public async Task SameCardAgain_StopsItsSession_ContactorOpens()
    {
        await using var station = new SimulatedStation();
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        station.Evse(1).Ev.Plug(CpState.C);
        await station.Sessions.PresentCardAsync("04A1B2C3", CancellationToken.None);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);

        var again = await station.Sessions.PresentCardAsync("04a1b2c3", CancellationToken.None);

        Assert.False(again.Accepted);
        Assert.Contains("stopped", again.Reason, StringComparison.Ordinal);
        await station.RunUntilAsync(() => !station.Snapshot(1).ContactorClosed, TimeSpan.FromSeconds(7));
        Assert.Null(station.Sessions.SessionOf(1));
    }

    [Fact]
    public async Task FreeVend_EvPlugsIn_ChargesWithoutCard()
    {
        await using var station = new SimulatedStation(sessionOptions: new SessionCoordinatorOptions { FreeVend = true });
        await station.RunForAsync(TimeSpan.FromSeconds(1));

        station.Evse(1).Ev.Plug(CpState.C);
        await station.RunUntilAsync(() => station.Snapshot(1).ContactorClosed, Settle);

        Assert.Equal("FREEVEND", station.Sessions.SessionOf(1)!.IdToken);
        Assert.Equal("free-vend", station.Sessions.SessionOf(1)!.Origin);
    }

    [Fact]
    public async Task RejectedToken_NoSession_ContactorStaysOpen()
    {
        await using var station = new SimulatedStation(authorizer: new RejectingAuthorizer());
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        station.Evse(1).Ev.Plug(CpState.C);

        var result = await station.Sessions.PresentCardAsync("DEADBEEF", CancellationToken.None);
        await station.RunForAsync(TimeSpan.FromSeconds(5));

        Assert.False(result.Accepted);
        Assert.Contains("Blocked", result.Reason, StringComparison.Ordinal);
        Assert.False(station.Snapshot(1).ContactorClosed);
        Assert.Equal(PilotState.B1, station.Snapshot(1).PilotState);
    }

    [Fact]
    public async Task RemoteStart_OnFaultedEvse_IsRefused()
    {
        await using var station = new SimulatedStation();
        await station.RunForAsync(TimeSpan.FromSeconds(1));
        station.Evse(1).ResidualCurrentMonitor.InjectTrip();
        await station.RunUntilAsync(() => station.Snapshot(1).ConnectorStatus == ConnectorStatus.Faulted, Settle);

        var result = await station.Sessions.RemoteStartAsync(1, "TECH", CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains("faulted", result.Reason, StringComparison.Ordinal);
    }

    private sealed class RejectingAuthorizer : ITokenAuthorizer
    {
        public ValueTask<TokenDecision> AuthorizeAsync(string idToken, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new TokenDecision(false, "Blocked"));
    }
}
