using ChargerController.Hardware.Abstractions.Iec61851;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>TxStartPoint options and local start flows (E01-E04), OCA Part 6 scenarios, over the wire in virtual time.</summary>
public sealed class TransactionStartTests
{
    [Fact]
    public async Task TC_E_01_CS()
    {
        // TxStartPoint PowerPathClosed (default), cable first: the transaction starts when the driver is authorized.
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync();
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Empty(rig.Events);

        Assert.True((await rig.TapAsync("04A1B2C3")).Accepted);
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("Authorized", started.Trigger());
        Assert.Equal(0, started.SeqNo());
        Assert.Equal("04A1B2C3", started.IdToken());
        Assert.Equal(1, started.GetProperty("evse").GetProperty("id").GetInt32());
        Assert.Equal(1, started.GetProperty("evse").GetProperty("connectorId").GetInt32());
        Assert.NotNull(started.ChargingState());
        Assert.Contains(started.Samples(), s => s.Measurand == "Energy.Active.Import.Register" && s.Context == "Transaction.Begin" && s.Value == 1000m);
        Assert.True(Guid.TryParse(started.TxId(), out _));

        var charging = await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        Assert.Equal("Updated", charging.EventType());
        Assert.Equal("ChargingStateChanged", charging.Trigger());
        Assert.Equal(started.TxId(), charging.TxId());
        Assert.Equal(3, charging.GetProperty("numberOfPhasesUsed").GetInt32());
        Assert.False(charging.Has("idToken"));
    }

    [Fact]
    public async Task TC_E_09_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "EVConnected" });
        await rig.PlugAsync(state: CpState.B);

        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("CablePluggedIn", started.Trigger());
        Assert.Equal("EVConnected", started.ChargingState());
        Assert.Equal(1, started.GetProperty("evse").GetProperty("connectorId").GetInt32());
        Assert.False(started.Has("idToken"));

        // E02.FR.20: the token joins the running transaction in an Updated event with triggerReason Authorized.
        await rig.TapAsync("CARD1");
        var authorized = await rig.WaitForEventAsync(e => e.Trigger() == "Authorized");
        Assert.Equal("Updated", authorized.EventType());
        Assert.Equal("CARD1", authorized.IdToken());
        Assert.Equal(started.TxId(), authorized.TxId());
    }

    [Fact]
    public async Task TC_E_10_CS()
    {
        // TxStartPoint Authorized: the token alone starts the transaction; the cable follows in an Updated event.
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "Authorized" });
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("Authorized", started.Trigger());
        Assert.Equal("CARD1", started.IdToken());

        await rig.PlugAsync();
        var plugged = await rig.WaitForEventAsync(e => e.Trigger() == "CablePluggedIn");
        Assert.Equal("Updated", plugged.EventType());
        Assert.Equal(started.TxId(), plugged.TxId());
    }

    [Fact]
    public async Task TC_E_02_CS()
    {
        // TxStartPoint EnergyTransfer: nothing is sent until energy flows.
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "EnergyTransfer" });
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("ChargingStateChanged", started.Trigger());
        Assert.Equal("Charging", started.ChargingState());
        Assert.Equal("CARD1", started.IdToken());
    }

    [Fact]
    public async Task TC_E_12_CS()
    {
        // ParkingBayOccupancy: without a bay sensor the plugged cable is the detection (EVDetected).
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "ParkingBayOccupancy" });
        await rig.PlugAsync(state: CpState.B);
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("EVDetected", started.Trigger());
    }

    [Fact]
    public async Task TC_E_11_CS()
    {
        // DataSigned: this station has no signing meter; the transaction starts with the power path (authorized + connected).
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "DataSigned" });
        await rig.PlugAsync();
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Empty(rig.Events);
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("CARD1", started.IdToken());
    }

    [Fact]
    public async Task TC_E_03_CS()
    {
        // Cable plugin first, local start, charging; seqNo 0, 1, … contiguous.
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        Assert.Equal(Enumerable.Range(0, rig.Events.Count), rig.Events.Select(e => e.SeqNo()));
        Assert.Equal("Started", rig.Events[0].EventType());
        Assert.All(rig.Events.Skip(1), e => Assert.Equal("Updated", e.EventType()));
        Assert.All(rig.Events, e => Assert.False(e.IsOffline()));
    }

    [Fact]
    public async Task TC_E_04_CS()
    {
        // Authorization first: PowerPathClosed is reached when the cable arrives (CablePluggedIn, with the token).
        await using var rig = await TransactionRig.StartAsync();
        await rig.TapAsync("CARD1");
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Empty(rig.Events);
        await rig.PlugAsync();
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal("CablePluggedIn", started.Trigger());
        Assert.Equal("CARD1", started.IdToken());
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
    }

    [Fact]
    public async Task TC_E_05_CS()
    {
        // Authorization first with TxStartPoint Authorized, no cable within EVConnectionTimeOut: Ended, EVConnectTimeout, Timeout.
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.TxStartPoint"] = "Authorized",
            ["TxCtrlr.EVConnectionTimeOut"] = "10",
        });
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(1);
        await rig.RunForAsync(TimeSpan.FromSeconds(11), TimeSpan.FromMilliseconds(100));
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("EVConnectTimeout", ended.Trigger());
        Assert.Equal("Timeout", ended.StoppedReason());
        Assert.Equal(1, ended.SeqNo());

        // The EVSE is ready for the next session.
        await rig.TapAsync("CARD2");
        var next = await rig.WaitForEventAsync(e => e.EventType() == "Started" && e.IdToken() == "CARD2");
        Assert.NotEqual(ended.TxId(), next.TxId());
        Assert.Equal(0, next.SeqNo());
    }

    [Fact]
    public async Task TC_E_38_CS()
    {
        // EV not ready (stays in B): the transaction starts on authorization, charging state SuspendedEV.
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync(state: CpState.B);
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        await rig.WaitForEventAsync(e => e.ChargingState() == "SuspendedEV");
        Assert.DoesNotContain(rig.Events, e => e.ChargingState() == "Charging");
    }
}
