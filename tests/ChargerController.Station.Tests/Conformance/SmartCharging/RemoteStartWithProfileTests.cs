using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>K05 RequestStartTransaction with a chargingProfile, end to end: remote control, transactions and smart charging.</summary>
public sealed class RemoteStartWithProfileTests
{
    // OCA TC_K_37 step 1: TxProfile, no transactionId, Relative, startPeriod 0, limit 6 A.
    private const string RelativeTxProfile =
        """{"id":37,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":[{"id":1,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6,"numberPhases":3}]}]}""";

    private const string StartRequest = $$"""{"idToken":{"idToken":"REMOTE37","type":"Central"},"remoteStartId":37,"evseId":1,"chargingProfile":{{RelativeTxProfile}}}""";

    [Theory]
    [InlineData("PowerPathClosed")]
    [InlineData("EVConnected")]
    public async Task TC_K_37_CS(string txStartPoint)
    {
        await using var cs = await SmartChargingTransactionRig.StartAsync(new Dictionary<string, string> { ["TxCtrlr.TxStartPoint"] = txStartPoint });
        var rig = cs.Rig;

        // Reusable state EVConnectedPreSession.
        await rig.PlugAsync();
        string? runningTx = null;
        if (txStartPoint == "EVConnected")
        {
            runningTx = (await rig.WaitForEventAsync(1)).TxId();
        }

        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest);
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        if (runningTx is not null)
        {
            // F01.FR.13: the transaction that runs already is named.
            Assert.Equal(runningTx, reply[2].GetProperty("transactionId").GetString());
        }

        var remote = await rig.WaitForEventAsync(e => e.GetProperty("transactionInfo").TryGetProperty("remoteStartId", out var id) && id.GetInt32() == 37);
        if (runningTx is not null)
        {
            Assert.Equal("RemoteStart", remote.Trigger());
        }

        // Reusable state EnergyTransferStarted.
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        var transactionId = remote.TxId();

        // K05.FR.03 / F01.FR.10: the profile drives the composite for this transaction, so the pilot offers 6 A.
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.OfferedCurrentA is > 5.9 and < 6.1);
        var installed = Assert.Single(cs.Module.Profiles.All);
        Assert.Equal((1, 37, transactionId), (installed.EvseId, installed.Profile.Id, installed.Profile.TransactionId));

        // Steps 8-11: GetChargingProfiles by id reports the profile set at step 1.
        var get = await rig.Session.CallAsync("GetChargingProfiles", """{"requestId":3701,"chargingProfile":{"chargingProfileId":[37]}}""");
        Assert.Equal("Accepted", get[2].GetProperty("status").GetString());
        var report = await rig.Harness.WaitForCallsAsync("ReportChargingProfiles", 1, TimeSpan.FromSeconds(10));
        Assert.Equal(3701, report.GetProperty("requestId").GetInt32());
        Assert.Equal(1, report.GetProperty("evseId").GetInt32());
        Assert.Equal("CSO", report.GetProperty("chargingLimitSource").GetString());
        var profile = Assert.Single(report.GetProperty("chargingProfile").EnumerateArray());
        Assert.Equal(37, profile.GetProperty("id").GetInt32());
        Assert.Equal("TxProfile", profile.GetProperty("chargingProfilePurpose").GetString());
        Assert.Equal("Relative", profile.GetProperty("chargingProfileKind").GetString());
        Assert.Equal(transactionId, profile.GetProperty("transactionId").GetString());
        Assert.Equal(6m, profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());

        // K02.FR.05: the TxProfile goes with its transaction.
        await rig.UnplugAsync();
        await rig.WaitForEventAsync(e => e.EventType() == "Ended");
        await rig.RunUntilAsync(() => cs.Module.Profiles.Count == 0);
    }

    [Fact]
    public async Task TC_K_38_CS()
    {
        // This station supports smart charging; SmartChargingCtrlr.Enabled = false is how it tells the CSMS it does not
        // now (F01.FR.12 note), and then a profile in RequestStartTransaction is ignored (K05.FR.04).
        await using var cs = await SmartChargingTransactionRig.StartAsync(new Dictionary<string, string> { ["SmartChargingCtrlr.Enabled"] = "false" });
        var rig = cs.Rig;
        await rig.PlugAsync();

        var bad = RelativeTxProfile.Replace("TxProfile", "TxDefaultProfile", StringComparison.Ordinal); // F01.FR.09 would refuse it
        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest.Replace(RelativeTxProfile, bad, StringComparison.Ordinal));
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString()); // not even validated

        var remote = await rig.WaitForEventAsync(e => e.GetProperty("transactionInfo").TryGetProperty("remoteStartId", out var id) && id.GetInt32() == 37);
        Assert.Equal("REMOTE37", remote.IdToken());
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        await rig.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(0, cs.Module.Profiles.Count);
        Assert.True(rig.Controllers[0].Snapshot.OfferedCurrentA > 6, rig.Controllers[0].Snapshot.ToString());
    }

    [Fact]
    public async Task K05_FR_05_InvalidProfile_RejectsTheStart()
    {
        await using var cs = await SmartChargingTransactionRig.StartAsync();
        var rig = cs.Rig;
        var withTransactionId = RelativeTxProfile.Replace("\"chargingProfileKind\"", "\"transactionId\":\"x\",\"chargingProfileKind\"", StringComparison.Ordinal);
        var reply = await rig.Session.CallAsync("RequestStartTransaction", StartRequest.Replace(RelativeTxProfile, withTransactionId, StringComparison.Ordinal));
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.Contains(reply[2].GetProperty("statusInfo").GetProperty("reasonCode").GetString(), new[] { "InvalidProfile", "InvalidSchedule" });
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Null(rig.Sessions.SessionOf(1));
        Assert.Equal(ConnectorStatus.Available, rig.Controllers[0].Snapshot.ConnectorStatus);
    }

    [Fact]
    public async Task K01_FR_110_OperationModeChange_SendsTransactionEventWithTheNewMode()
    {
        await using var cs = await SmartChargingTransactionRig.StartAsync();
        var rig = cs.Rig;
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var started = await rig.WaitForEventAsync(e => e.EventType() == "Started");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        var tx = started.TxId();

        // ChargingOnly for 60 s, Idle for 60 s, then charging again (operationMode absent = ChargingOnly).
        var periods = """[{"startPeriod":0,"limit":16,"operationMode":"ChargingOnly"},{"startPeriod":60,"operationMode":"Idle"},{"startPeriod":120,"limit":16}]""";
        var profile = ProfileJson.Profile(110, "TxProfile", kind: "Relative", startSchedule: null, duration: null, periods: periods, extraProfile: $",\"transactionId\":\"{tx}\"");
        var set = await rig.Session.CallAsync("SetChargingProfile", $$"""{"evseId":1,"chargingProfile":{{profile}}}""");
        Assert.Equal("Accepted", set[2].GetProperty("status").GetString());
        await rig.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "OperationModeChanged");

        var idle = await rig.WaitForEventAsync(e => e.Trigger() == "OperationModeChanged", TimeSpan.FromSeconds(90));
        Assert.Equal("Updated", idle.EventType());
        Assert.Equal(tx, idle.TxId());
        Assert.Equal("Idle", idle.GetProperty("transactionInfo").GetProperty("operationMode").GetString());

        // Idle neither charges nor discharges: the EVSE withdraws its offer.
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.OfferedCurrentA == 0);

        var back = await rig.WaitForEventAsync(e => e.Trigger() == "OperationModeChanged" && e.GetProperty("transactionInfo").GetProperty("operationMode").GetString() == "ChargingOnly", TimeSpan.FromSeconds(90));
        Assert.Equal(tx, back.TxId());
        Assert.Equal(2, rig.Events.Count(e => e.Trigger() == "OperationModeChanged"));
        await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.OfferedCurrentA > 0, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task K01_FR_56_PersistentProfileWrittenTooOften_RateLimitExceededWithRetryDelay()
    {
        await using var station = await SmartChargingStation.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal("Accepted", await station.SetAsync(1, ProfileJson.TxDefault(500, limit: 6 + (i % 10))));
        }

        var limited = await station.SetWithInfoAsync(1, ProfileJson.TxDefault(500, limit: 20));
        Assert.Equal("Rejected", limited.GetProperty("status").GetString());
        var info = limited.GetProperty("statusInfo");
        Assert.Equal("RateLimitExceeded", info.GetProperty("reasonCode").GetString());
        Assert.Equal("10 seconds before retry", info.GetProperty("additionalInfo").GetString()); // K01.FR.57

        // Other purposes have their own budget; a TxProfile (dynamic control) is never limited.
        Assert.Equal("Accepted", await station.SetAsync(0, ProfileJson.Max(501, limit: 32)));
        station.H.Transactions.Start(1);
        Assert.Equal("Accepted", await station.SetAsync(1, ProfileJson.Tx(502, "tx-1", limit: 10)));

        // After the advertised delay the next write goes through.
        station.H.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("Accepted", await station.SetAsync(1, ProfileJson.TxDefault(500, limit: 20)));
        var stored = station.Module.Profiles.All.Single(p => p.Profile.Id == 500).Profile;
        Assert.Equal(20m, stored.ChargingSchedule[0].ChargingSchedulePeriod[0].Limit);
    }
}
