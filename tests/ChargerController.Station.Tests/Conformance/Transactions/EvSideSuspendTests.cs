using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Devices;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// E10: the cable is pulled at the EV side with StopTxOnEVSideDisconnect false and TxStopPoint Authorized: the transaction
/// is suspended, not ended (OCA TC_E_26_CS socket outlet, TC_E_27_CS permanently attached cable).
/// </summary>
public sealed class EvSideSuspendTests
{
    private const double Cable32AOhm = 220.0;

    private static readonly Dictionary<string, string> Suspend = new()
    {
        ["TxCtrlr.TxStopPoint"] = "Authorized",
        ["TxCtrlr.StopTxOnEVSideDisconnect"] = "false",
        ["OCPPCommCtrlr.UnlockOnEVSideDisconnect"] = "false",
    };

    [Fact]
    public async Task TC_E_26_CS()
    {
        await using var rig = await TransactionRig.StartAsync(Suspend);
        var device = rig.Device();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");

        // Step 1: EVCommunicationLost, Idle, Updated: the transaction stays, the energy stops, the plug stays locked (E10.FR.01).
        PullAtEvSide(device, rig);
        var lost = await rig.WaitForEventAsync(e => e.Trigger() == "EVCommunicationLost");
        Assert.Equal("Updated", lost.EventType());
        Assert.Equal("Idle", lost.ChargingState());
        await rig.RunUntilAsync(() => !device.Contactor.L1Conducting);
        await rig.RunForAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        Assert.True(rig.Manager.HasActiveTransaction(1));
        Assert.True(device.ConnectorLock.IsPhysicallyLocked);
        Assert.False(device.Contactor.L1Conducting);
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");

        // Steps 5-8: the EV end is plugged in again: CablePluggedIn (EVConnected), then charging again in the same transaction.
        rig.Ev().Plug(CpState.C);
        var plugged = await rig.WaitForEventAsync(e => e.SeqNo() > lost.SeqNo() && e.Trigger() == "CablePluggedIn");
        Assert.Equal(("Updated", "EVConnected"), (plugged.EventType(), plugged.ChargingState()));
        var charging = await rig.WaitForEventAsync(e => e.SeqNo() > plugged.SeqNo() && e.ChargingState() == "Charging");
        Assert.Equal(("Updated", "ChargingStateChanged"), (charging.EventType(), charging.Trigger()));
        Assert.Equal(started.TxId(), charging.TxId());
        await rig.RunUntilAsync(() => device.Contactor.L1Conducting);
    }

    [Fact]
    public async Task E10_FR_01_DriverPresentsTokenWhileSuspended_TransactionEndsAndTheLockReleases()
    {
        await using var rig = await TransactionRig.StartAsync(Suspend);
        var device = rig.Device();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        PullAtEvSide(device, rig);
        await rig.WaitForEventAsync(e => e.Trigger() == "EVCommunicationLost");
        await rig.RunForAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
        Assert.True(device.ConnectorLock.IsPhysicallyLocked);

        // B1-B3: the driver's token unlocks the cable and ends the transaction.
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal(("StopAuthorized", "Local"), (ended.Trigger(), ended.StoppedReason()));
        await rig.RunUntilAsync(() => !device.ConnectorLock.IsPhysicallyLocked);
        Assert.False(rig.Manager.HasActiveTransaction(1));
    }

    [Fact]
    public async Task TC_E_27_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>(Suspend) { ["TxCtrlr.EVConnectionTimeOut"] = "60" }, tethered: true);
        var device = rig.Device();

        // Reusable state EnergyTransferSuspended: authorized, the EV does not draw (state B).
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => rig.Manager.HasActiveTransaction(1));
        rig.Ev().SetRequestedState(CpState.B);
        await rig.WaitForEventAsync(e => e.ChargingState() == "SuspendedEV");

        // Step 1: the tethered cable leaves the EV: Updated EVCommunicationLost, Idle; step 3: the connector is Available.
        rig.Ev().Unplug();
        var lost = await rig.WaitForEventAsync(e => e.Trigger() == "EVCommunicationLost");
        Assert.Equal(("Updated", "Idle"), (lost.EventType(), lost.ChargingState()));
        await rig.RunUntilAsync(() => StatusNotifications(rig).LastOrDefault() == "Available");
        Assert.True(rig.Manager.HasActiveTransaction(1));

        // Step 5: not plugged in again within EVConnectionTimeOut: deauthorized (E10.FR.02), Ended EVConnectTimeout / Timeout.
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended", TimeSpan.FromMinutes(2));
        Assert.Equal(("EVConnectTimeout", "Timeout"), (ended.Trigger(), ended.StoppedReason()));
        var after = ended.GetProperty("timestamp").GetDateTimeOffset() - lost.GetProperty("timestamp").GetDateTimeOffset();
        Assert.InRange(after, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(62));
        Assert.False(rig.Manager.HasActiveTransaction(1));

        // The EV plugged in afterwards gets no energy without a new authorization.
        rig.Ev().Plug(CpState.C);
        await rig.RunForAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        Assert.False(device.Contactor.L1Conducting);
    }

    [Fact]
    public async Task E10_TetheredCable_PluggedInAgainWithinTheTimeout_ChargesOnInTheSameTransaction()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>(Suspend) { ["TxCtrlr.EVConnectionTimeOut"] = "60" }, tethered: true);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        rig.Ev().Unplug();
        var lost = await rig.WaitForEventAsync(e => e.Trigger() == "EVCommunicationLost");
        await rig.RunForAsync(TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(200));

        rig.Ev().Plug(CpState.C);
        await rig.WaitForEventAsync(e => e.SeqNo() > lost.SeqNo() && e.Trigger() == "CablePluggedIn");
        var charging = await rig.WaitForEventAsync(e => e.SeqNo() > lost.SeqNo() && e.ChargingState() == "Charging");
        Assert.Equal(started.TxId(), charging.TxId());

        // The timeout of the suspension was cancelled by the plug-in.
        await rig.RunForAsync(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        Assert.True(rig.Manager.HasActiveTransaction(1));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");
    }

    [Fact]
    public async Task E10_SocketWithoutLock_CableMayBeGone_TransactionEnds()
    {
        // Without a lock the plug may have left the socket with the cable: the station cannot keep the session for a
        // driver who may be gone, so the unplug ends it as with StopTxOnEVSideDisconnect true.
        await using var rig = await TransactionRig.StartAsync(Suspend, connectorLock: false);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        rig.Ev().Unplug();

        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal(("EVCommunicationLost", "EVDisconnected"), (ended.Trigger(), ended.StoppedReason()));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Updated" && e.Trigger() == "EVCommunicationLost");
        Assert.Null(rig.Sessions.SessionOf(1));

        // A car plugged in next gets nothing on the previous driver's authorization.
        rig.Ev().Plug(CpState.C);
        await rig.RunForAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        Assert.False(rig.Device().Contactor.L1Conducting);
    }

    [Fact]
    public async Task E06_StopTxOnEVSideDisconnectFalse_TxStopPointWithEVConnected_StillEnds()
    {
        // Only TxStopPoint Authorized keeps the transaction: with EVConnected in it, the cable leaving ends it (E06.FR.02).
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.TxStopPoint"] = "EVConnected,Authorized",
            ["TxCtrlr.StopTxOnEVSideDisconnect"] = "false",
        });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        PullAtEvSide(rig.Device(), rig);

        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal(("EVCommunicationLost", "Idle", "EVDisconnected"), (ended.Trigger(), ended.ChargingState(), ended.StoppedReason()));
    }

    private static void PullAtEvSide(SimulatedEvse device, TransactionRig rig)
    {
        // The plug stays in the socket (PP keeps reading the cable's coding resistor) while the EV end leaves: pilot A.
        device.ProximityPilot.ForcedResistanceOhm = Cable32AOhm;
        rig.Ev().Unplug();
    }

    private static List<string> StatusNotifications(TransactionRig rig) =>
    [
        .. rig.Csms.Frames
            .Where(f => f.Direction == FrameDirection.FromStation && f.Action == "StatusNotification")
            .Select(f => f.Json!.Value[3].GetProperty("connectorStatus").GetString()!),
    ];
}
