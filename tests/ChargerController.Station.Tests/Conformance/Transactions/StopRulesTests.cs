using ChargerController.Ocpp.Enums;
using ChargerController.Station.Sessions;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>Who may stop a transaction: the same token, its group (C09, E07), a master pass (C16); offline too (E45).</summary>
public sealed class StopRulesTests
{
    [Fact]
    public async Task C09_FR_03_TokenOfSameGroup_StopsTheTransaction_WithItsIdToken()
    {
        var authorizer = new RecordingAuthorizer().Answer("CARD1", AuthorizationStatusEnumType.Accepted, "FLEET").Answer("CARD2", AuthorizationStatusEnumType.Accepted, "FLEET");
        await using var rig = await TransactionRig.StartAsync(authorizer: authorizer);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(1);

        var result = await rig.TapAsync("CARD2");
        Assert.False(result.Accepted);
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("StopAuthorized", ended.Trigger());
        Assert.Equal("Local", ended.StoppedReason());
        Assert.Equal("CARD2", ended.IdToken());
    }

    [Fact]
    public async Task C09_OtherGroup_DoesNotStop_StartsNothingOnBusyStation()
    {
        var authorizer = new RecordingAuthorizer().Answer("CARD1", AuthorizationStatusEnumType.Accepted, "FLEET").Answer("CARD3", AuthorizationStatusEnumType.Accepted, "OTHER");
        await using var rig = await TransactionRig.StartAsync(authorizer: authorizer);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(1);
        var result = await rig.TapAsync("CARD3");
        Assert.False(result.Accepted);
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");
    }

    [Fact]
    public async Task C16_FR_01_MasterPass_StopsEveryTransaction_NeverStartsOne()
    {
        var authorizer = new RecordingAuthorizer().Answer("MASTER", AuthorizationStatusEnumType.Accepted, "MASTERGROUP");
        await using var rig = await TransactionRig.StartAsync(
            evses: 2,
            authorizer: authorizer,
            sessionOptions: new SessionCoordinatorOptions { MasterPassGroupId = () => "MASTERGROUP" });
        await rig.PlugAsync(1);
        await rig.TapAsync("CARD1");
        await rig.PlugAsync(2);
        await rig.TapAsync("CARD2");
        await rig.RunUntilAsync(() => rig.Manager.HasActiveTransaction(1) && rig.Manager.HasActiveTransaction(2));

        var result = await rig.TapAsync("MASTER");
        Assert.False(result.Accepted);
        await rig.RunUntilAsync(() => rig.Events.Count(e => e.EventType() == "Ended") == 2);
        Assert.All(rig.Events.Where(e => e.EventType() == "Ended"), e =>
        {
            Assert.Equal("MasterPass", e.StoppedReason());
            Assert.Equal("MASTER", e.IdToken());
        });

        // Never starts: with the station idle, the master pass is refused.
        Assert.False((await rig.TapAsync("MASTER")).Accepted);
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, rig.Events.Count(e => e.EventType() == "Started"));
    }

    [Fact]
    public async Task TC_E_45_CS()
    {
        // Offline, a token of the same group stops the transaction; the events carry offline=true and arrive in order.
        var authorizer = new RecordingAuthorizer().Answer("CARD1", AuthorizationStatusEnumType.Accepted, "FLEET").Answer("CARD2", AuthorizationStatusEnumType.Accepted, "FLEET");
        await using var rig = await TransactionRig.StartAsync(authorizer: authorizer);
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        rig.Csms.RefuseConnections(1000);
        rig.Session.Abort();
        await rig.RunUntilAsync(() => !rig.Harness.Runtime.IsConnected);
        await rig.TapAsync("CARD2");
        await rig.RunUntilAsync(() => !rig.Manager.HasActiveTransaction(1));

        rig.Csms.AcceptConnections();
        await rig.WaitReconnectedAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended", TimeSpan.FromMinutes(2));
        Assert.True(ended.IsOffline());
        Assert.Equal("StopAuthorized", ended.Trigger());
        Assert.Equal("CARD2", ended.IdToken());
        Assert.Equal(Enumerable.Range(0, rig.Events.Count), rig.Events.Select(e => e.SeqNo()));
    }

    [Fact]
    public async Task TC_E_44_CS()
    {
        // Offline, the starting token stops it; the Ended event is delivered after reconnect.
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        rig.Csms.RefuseConnections(1000);
        rig.Session.Abort();
        await rig.RunUntilAsync(() => !rig.Harness.Runtime.IsConnected);
        await rig.TapAsync("CARD1");
        await rig.RunUntilAsync(() => !rig.Manager.HasActiveTransaction(1));
        rig.Csms.AcceptConnections();
        await rig.WaitReconnectedAsync();
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended", TimeSpan.FromMinutes(2));
        Assert.True(ended.IsOffline());
        Assert.Equal("Local", ended.StoppedReason());
    }
}
