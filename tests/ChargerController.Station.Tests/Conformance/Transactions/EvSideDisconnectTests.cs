using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Simulator.Devices;
using ChargerController.Testing.Csms;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// E09: the cable is pulled at the EV side while its plug stays locked in the station's socket (pilot back to A, the
/// proximity pilot still sees the 32 A cable). StopTxOnEVSideDisconnect is true (the default).
/// </summary>
public sealed class EvSideDisconnectTests
{
    private const double Cable32AOhm = 220.0;

    [Fact]
    public async Task TC_E_24_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["OCPPCommCtrlr.UnlockOnEVSideDisconnect"] = "true" });
        var device = await SuspendedTransactionAsync(rig);

        PullAtEvSide(rig, device);
        var ended = await rig.WaitForEventAsync(e => e.Trigger() == "EVCommunicationLost");
        Assert.Equal("Idle", ended.ChargingState());
        Assert.False(rig.Manager.HasActiveTransaction(1));

        // E09.FR.02: the lock releases although the plug is still in the socket.
        await rig.RunUntilAsync(() => !device.ConnectorLock.IsPhysicallyLocked);

        // The driver takes the cable out of the socket: the connector is reported Available.
        device.ProximityPilot.ForcedResistanceOhm = null;
        await rig.RunUntilAsync(() => StatusNotifications(rig).Any(s => s == "Available"));
        Assert.Equal("Available", StatusNotifications(rig)[^1]);
    }

    [Fact]
    public async Task TC_E_25_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["OCPPCommCtrlr.UnlockOnEVSideDisconnect"] = "false" });
        var device = await SuspendedTransactionAsync(rig);

        PullAtEvSide(rig, device);
        var ended = await rig.WaitForEventAsync(e => e.Trigger() == "EVCommunicationLost");
        Assert.Equal("Idle", ended.ChargingState());
        Assert.False(rig.Manager.HasActiveTransaction(1));

        // E09.FR.03: the cable stays locked (nobody can walk off with it) while nothing is energised.
        await rig.RunForAsync(TimeSpan.FromSeconds(30));
        Assert.True(device.ConnectorLock.IsPhysicallyLocked);
        Assert.False(device.Contactor.L1Conducting);

        // The driver authorizes again: only then does the lock release.
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => !device.ConnectorLock.IsPhysicallyLocked);
    }

    [Fact]
    public async Task E09_FR_03_UnlockConnector_ReleasesLockHeldAfterEvSideDisconnect()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["OCPPCommCtrlr.UnlockOnEVSideDisconnect"] = "false" });
        var device = await SuspendedTransactionAsync(rig);
        PullAtEvSide(rig, device);
        await rig.WaitForEventAsync(e => e.Trigger() == "EVCommunicationLost");
        await rig.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.True(device.ConnectorLock.IsPhysicallyLocked);

        var reply = await rig.Session.CallAsync("UnlockConnector", """{"evseId":1,"connectorId":1}""");
        Assert.Equal("Unlocked", reply[2].GetProperty("status").GetString());
        await rig.RunUntilAsync(() => !device.ConnectorLock.IsPhysicallyLocked);
    }

    private static async Task<SimulatedEvse> SuspendedTransactionAsync(TransactionRig rig)
    {
        // Reusable state EnergyTransferSuspended: authorized, locked, the EV does not draw (state B).
        var device = rig.Device();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => rig.Manager.HasActiveTransaction(1) && device.ConnectorLock.IsPhysicallyLocked);
        rig.Ev().SetRequestedState(CpState.B);
        await rig.WaitForEventAsync(e => e.ChargingState() == "SuspendedEV");
        return device;
    }

    private static void PullAtEvSide(TransactionRig rig, SimulatedEvse device)
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
