using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>TxStopPoint options, local/remote stop, EV-side disconnect, deauthorization (E05-E10), OCA Part 6 scenarios.</summary>
public sealed class TransactionStopTests
{
    private static async Task<TransactionRig> ChargingAsync(IReadOnlyDictionary<string, string>? config = null, string card = "CARD1", Action<ChargerController.Testing.Csms.LoopbackCsms>? script = null)
    {
        var rig = await TransactionRig.StartAsync(config, script: script);
        await rig.PlugAsync();
        await rig.TapAsync(card);
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }

    private static Dictionary<string, string> StopPoint(string value) => new() { ["TxCtrlr.TxStopPoint"] = value };

    [Fact]
    public async Task TC_E_06_CS()
    {
        await using var rig = await ChargingAsync();
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("StopAuthorized", ended.Trigger());
        Assert.Equal("Local", ended.StoppedReason());

        // E07.FR.02: the stopping token is in the event that ends the authorization.
        Assert.Equal("CARD1", ended.IdToken());
        Assert.Contains(ended.Samples(), s => s.Context == "Transaction.End" && s.Measurand == "Energy.Active.Import.Register");
        Assert.Equal(Enumerable.Range(0, rig.Events.Count), rig.Events.Select(e => e.SeqNo()));
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task TC_E_07_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("PowerPathClosed"));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("StopAuthorized", ended.Trigger());
        Assert.Equal("Local", ended.StoppedReason());
    }

    [Fact]
    public async Task TC_E_35_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("PowerPathClosed"));
        var txId = rig.Events[0].TxId();
        var reply = await rig.Session.CallAsync("RequestStopTransaction", $$"""{"transactionId":"{{txId}}"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("RemoteStop", ended.Trigger());
        Assert.Equal("Remote", ended.StoppedReason());
        Assert.Equal(txId, ended.TxId());
    }

    [Fact]
    public async Task TC_E_37_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("PowerPathClosed"));
        await rig.UnplugAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("EVCommunicationLost", ended.Trigger());
        Assert.Equal("EVDisconnected", ended.StoppedReason());
        Assert.Equal("Idle", ended.ChargingState());
    }

    [Fact]
    public async Task TC_E_17_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("Authorized"));
        await rig.UnplugAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("EVCommunicationLost", ended.Trigger());
        Assert.Equal("EVDisconnected", ended.StoppedReason());
        Assert.Equal("Idle", ended.ChargingState());
    }

    [Fact]
    public async Task TC_E_20_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("EVConnected"));
        await rig.UnplugAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("EVCommunicationLost", ended.Trigger());
        Assert.Equal("EVDisconnected", ended.StoppedReason());
    }

    [Fact]
    public async Task TC_E_14_CS()
    {
        // TxStopPoint EVConnected: a local stop only deauthorizes (Updated StopAuthorized); the unplug ends it, reason Local.
        await using var rig = await ChargingAsync(StopPoint("EVConnected"));
        await rig.TapAsync("CARD1");
        var stop = await rig.WaitForEventAsync(e => e.Trigger() == "StopAuthorized");
        Assert.Equal("Updated", stop.EventType());
        Assert.Equal("CARD1", stop.IdToken());
        await rig.RunForAsync(TimeSpan.FromSeconds(8));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");

        await rig.UnplugAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("EVCommunicationLost", ended.Trigger());
        Assert.Equal("Idle", ended.ChargingState());
        Assert.Equal("Local", ended.StoppedReason());
    }

    [Fact]
    public async Task TC_E_15_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("Authorized"));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("StopAuthorized", ended.Trigger());
        Assert.Equal("Local", ended.StoppedReason());
    }

    [Fact]
    public async Task TC_E_21_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("Authorized"));
        var reply = await rig.Session.CallAsync("RequestStopTransaction", $$"""{"transactionId":"{{rig.Events[0].TxId()}}"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("RemoteStop", ended.Trigger());
        Assert.Equal("Remote", ended.StoppedReason());
    }

    [Fact]
    public async Task TC_E_08_CS()
    {
        // TxStopPoint EnergyTransfer: the local stop is reported, the transaction ends when the energy stops.
        await using var rig = await ChargingAsync(StopPoint("EnergyTransfer"));
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("StopAuthorized", ended.Trigger());
        Assert.Equal("Local", ended.StoppedReason());
    }

    [Fact]
    public async Task TC_E_22_CS()
    {
        await using var rig = await ChargingAsync(StopPoint("EnergyTransfer"));
        rig.Ev().SetRequestedState(CpState.B);
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("ChargingStateChanged", ended.Trigger());
        Assert.Equal("StoppedByEV", ended.StoppedReason());

        // The EVSE loop reports the pause as SuspendedEVSE while it opens the contactor, SuspendedEV once settled.
        Assert.NotEqual("Charging", ended.ChargingState());
    }

    [Fact]
    public async Task TC_E_19_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.TxStartPoint"] = "ParkingBayOccupancy",
            ["TxCtrlr.TxStopPoint"] = "ParkingBayOccupancy",
        });
        await rig.PlugAsync(state: CpState.B);
        await rig.WaitForEventAsync(1);
        await rig.UnplugAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("EVDeparted", ended.Trigger());
    }

    [Fact]
    public async Task TC_E_39_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.TxStartPoint"] = "Authorized",
            ["TxCtrlr.TxStopPoint"] = "Authorized",
            ["TxCtrlr.EVConnectionTimeOut"] = "5",
        });
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(1);
        await rig.RunForAsync(TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(100));
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("EVConnectTimeout", ended.Trigger());
        Assert.Equal("Timeout", ended.StoppedReason());

        // A cable plugged in afterwards starts nothing: the authorization is gone.
        await rig.PlugAsync();
        await rig.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(2, rig.Events.Count);
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task TC_E_16_CS()
    {
        // The CSMS answers the event carrying the token with idTokenInfo Invalid: StopTxOnInvalidId ends the transaction.
        await using var rig = await TransactionRig.StartAsync(script: csms => csms.Respond("TransactionEvent", request =>
            request.TryGetProperty("idToken", out _) ? """{"idTokenInfo":{"status":"Invalid"}}""" : "{}"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("Deauthorized", ended.Trigger());
        Assert.Equal("DeAuthorized", ended.StoppedReason());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task E05_FR_10_StopTxOnInvalidIdFalse_EnergyStopsTransactionContinues()
    {
        await using var rig = await TransactionRig.StartAsync(
            new Dictionary<string, string> { ["TxCtrlr.StopTxOnInvalidId"] = "false" },
            script: csms => csms.Respond("TransactionEvent", request => request.TryGetProperty("idToken", out _) ? """{"idTokenInfo":{"status":"Blocked"}}""" : "{}"));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(1);
        await rig.RunForAsync(TimeSpan.FromSeconds(2));
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        await rig.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");
        Assert.NotEqual("Charging", rig.Events.Select(e => e.ChargingState()).Last(s => s is not null));
        Assert.True(rig.Manager.HasActiveTransaction(1));
    }
}
