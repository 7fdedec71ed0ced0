using ChargerController.Hardware.Abstractions.Iec61851;
using ChargerController.Station.Authorization;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>RequestStart/StopTransaction and UnlockConnector (F01-F05), OCA Part 6 scenarios.</summary>
public sealed class RemoteControlTests
{
    private const string StartRequest = """{"idToken":{"idToken":"REMOTE1","type":"Central"},"remoteStartId":42,"evseId":1}""";

    [Fact]
    public async Task TC_F_01_CS()
    {
        // Cable first (TxStartPoint EVConnected): the running transaction is named in the answer, then RemoteStart follows.
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "EVConnected" });
        await rig.PlugAsync();
        var started = await rig.WaitForEventAsync(1);

        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.Equal(started.TxId(), reply[2].GetProperty("transactionId").GetString());

        var remote = await rig.WaitForEventAsync(e => e.Trigger() == "RemoteStart");
        Assert.Equal("Updated", remote.EventType());
        Assert.Equal(42, remote.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Equal("REMOTE1", remote.IdToken());
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
    }

    [Fact]
    public async Task TC_F_02_CS()
    {
        var authorizer = new RecordingAuthorizer();
        await using var rig = await TransactionRig.StartAsync(authorizer: authorizer);
        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        Assert.False(reply[2].TryGetProperty("transactionId", out _));

        // F01.FR.01: AuthorizeRemoteStart true: the token is authorized before charging may start.
        await rig.RunUntilAsync(() => authorizer.Asked.Any(a => a.IdToken == "REMOTE1" && a.Purpose == AuthorizationPurpose.RemoteStart));
        await rig.PlugAsync();
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("Started", started.EventType());
        Assert.Equal(42, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Equal("REMOTE1", started.IdToken());
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
    }

    [Fact]
    public async Task TC_F_03_CS()
    {
        var authorizer = new RecordingAuthorizer();
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["AuthCtrlr.AuthorizeRemoteStart"] = "false" }, authorizer: authorizer);
        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.RunUntilAsync(() => rig.Sessions.SessionOf(1) is not null);
        await rig.PlugAsync();
        var started = await rig.WaitForEventAsync(1);
        Assert.Equal("CablePluggedIn", started.Trigger());
        Assert.Equal("REMOTE1", started.IdToken());
        Assert.Equal(42, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());

        // F01.FR.02: not authorized again.
        Assert.Empty(authorizer.Asked);
    }

    [Fact]
    public async Task TC_F_04_CS()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.EVConnectionTimeOut"] = "5" });
        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.RunUntilAsync(() => rig.Sessions.SessionOf(1) is not null);
        await rig.RunForAsync(TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(100));
        Assert.Null(rig.Sessions.SessionOf(1));

        await rig.PlugAsync();
        await rig.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Empty(rig.Events);
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task F01_FR_23_RequestStartOnEvseWithAuthorizedTransaction_Rejected()
    {
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(1);
        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest);
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task F01_FR_08_ChargingProfileInstalledForTheStartedTransaction()
    {
        var profiles = new RecordingProfileInstaller();
        await using var rig = await TransactionRig.StartAsync(evses: 2, profiles: profiles);
        var profile = """{"id":7,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":[{"id":1,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":10}]}]}""";
        var reply = await rig.Session.CallAsync("RequestStartTransaction", $$"""{"idToken":{"idToken":"REMOTE1","type":"Central"},"remoteStartId":1,"evseId":1,"chargingProfile":{{profile}}}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        await rig.PlugAsync();
        var started = await rig.WaitForEventAsync(1);
        await rig.RunUntilAsync(() => !profiles.Installed.IsEmpty);
        Assert.Equal((1, started.TxId(), 7), profiles.Installed.Single());

        var bad = profile.Replace("TxProfile", "TxDefaultProfile", StringComparison.Ordinal);
        var refused = await rig.Session.CallAsync("RequestStartTransaction", $$"""{"idToken":{"idToken":"REMOTE2","type":"Central"},"remoteStartId":2,"evseId":2,"chargingProfile":{{bad}}}""");
        Assert.Equal("Rejected", refused[2].GetProperty("status").GetString());
        Assert.Equal("InvalidProfile", refused[2].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task TC_F_08_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(1);
        var reply = await rig.Session.CallAsync("RequestStopTransaction", $$"""{"transactionId":"{{started.TxId()}}"}""");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("RemoteStop", ended.Trigger());
        Assert.Equal("Remote", ended.StoppedReason());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task TC_F_09_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        var reply = await rig.Session.CallAsync("RequestStopTransaction", """{"transactionId":"no-such-transaction"}""");
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_F_05_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(1);
        var reply = await rig.Session.CallAsync("UnlockConnector", """{"evseId":1,"connectorId":1}""");
        Assert.Equal("OngoingAuthorizedTransaction", reply[2].GetProperty("status").GetString());
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(rig.Events, e => e.EventType() == "Ended");
    }

    [Fact]
    public async Task TC_F_06_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        await rig.PlugAsync(state: CpState.B);
        var reply = await rig.Session.CallAsync("UnlockConnector", """{"evseId":1,"connectorId":1}""");
        Assert.Equal("Unlocked", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_F_07_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        var reply = await rig.Session.CallAsync("UnlockConnector", """{"evseId":1,"connectorId":1}""");
        Assert.Equal("Unlocked", reply[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_F_10_CS()
    {
        await using var rig = await TransactionRig.StartAsync();
        var reply = await rig.Session.CallAsync("UnlockConnector", """{"evseId":9,"connectorId":1}""");
        Assert.Equal("UnknownConnector", reply[2].GetProperty("status").GetString());
        var second = await rig.Session.CallAsync("UnlockConnector", """{"evseId":1,"connectorId":2}""");
        Assert.Equal("UnknownConnector", second[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task F05_UnlockWithUnauthorizedTransaction_EndsItWithUnlockCommand()
    {
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = "EVConnected" });
        await rig.PlugAsync(state: CpState.B);
        await rig.WaitForEventAsync(1);
        var reply = await rig.Session.CallAsync("UnlockConnector", """{"evseId":1,"connectorId":1}""");
        Assert.Equal("Unlocked", reply[2].GetProperty("status").GetString());
        var ended = await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        Assert.Equal("UnlockCommand", ended.Trigger());
    }
}
