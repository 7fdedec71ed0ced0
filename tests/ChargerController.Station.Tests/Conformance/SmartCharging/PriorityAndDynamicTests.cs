using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>K21 priority charging and K28/K29 dynamic profiles (OCPP 2.1).</summary>
public sealed class PriorityAndDynamicTests
{
    [Fact]
    public async Task TC_K_118_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(701, limit: 6)));
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(702, "PriorityCharging", kind: "Relative", limit: 25, startSchedule: null, duration: null)));
        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(6, limit.CurrentLimitA);

        var on = await cs.CallAsync("UsePriorityCharging", """{"transactionId":"tx-1","activate":true}""");
        Assert.Equal("Accepted", on.GetProperty("status").GetString());
        var notify = await cs.H.WaitForCallsAsync("NotifyPriorityCharging", 1);
        Assert.Equal(("tx-1", true), (notify.GetProperty("transactionId").GetString(), notify.GetProperty("activated").GetBoolean()));
        Assert.Equal(25, limit.CurrentLimitA);

        Assert.Equal("Accepted", (await cs.CallAsync("UsePriorityCharging", """{"transactionId":"tx-1","activate":false}""")).GetProperty("status").GetString());
        Assert.False((await cs.H.WaitForCallsAsync("NotifyPriorityCharging", 2)).GetProperty("activated").GetBoolean());
        Assert.Equal(6, limit.CurrentLimitA);

        Assert.Equal("Rejected", (await cs.CallAsync("UsePriorityCharging", """{"transactionId":"nope","activate":true}""")).GetProperty("status").GetString());
        cs.H.Transactions.Start(2);
        Assert.Equal("NoProfile", (await cs.CallAsync("UsePriorityCharging", """{"transactionId":"tx-2","activate":true}""")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_K_119_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        Assert.False(await cs.Module.SetPriorityChargingLocallyAsync(1, true, CancellationToken.None)); // no profile yet
        Assert.Equal("Accepted", await cs.SetAsync(0, Profile(710, "PriorityCharging", kind: "Relative", limit: 32, startSchedule: null, duration: null)));
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(711, limit: 8)));
        Assert.True(await cs.Module.SetPriorityChargingLocallyAsync(1, true, CancellationToken.None));
        var notify = await cs.H.WaitForCallsAsync("NotifyPriorityCharging", 1);
        Assert.Equal(("tx-1", true), (notify.GetProperty("transactionId").GetString(), notify.GetProperty("activated").GetBoolean()));
        Assert.Equal(32, cs.Module.Limits.LimitFor(1).CurrentLimitA);

        // Priority ends with the transaction.
        cs.H.Transactions.End(1);
        Assert.False(cs.Module.State.IsPriorityActive(1));
    }

    [Fact]
    public async Task TC_K_121_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Csms.Respond("PullDynamicScheduleUpdate", """{"status":"Accepted","scheduleUpdate":{"limit":11}}""");
        var dynamic = Profile(703, "TxDefaultProfile", kind: "Dynamic", limit: 8, startSchedule: null, duration: null, extraProfile: ",\"dynUpdateInterval\":60");
        Assert.Equal("Accepted", await cs.SetAsync(1, dynamic));
        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(8, limit.CurrentLimitA);

        await cs.H.AdvanceUntilAsync(() => limit.CurrentLimitA == 11, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120));
        var pull = await cs.H.WaitForCallsAsync("PullDynamicScheduleUpdate", 1);
        Assert.Equal(703, pull.GetProperty("chargingProfileId").GetInt32());
    }

    [Fact]
    public async Task TC_K_122_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var dynamic = Profile(704, "TxDefaultProfile", kind: "Dynamic", limit: 8, startSchedule: null, duration: null);
        Assert.Equal("Accepted", await cs.SetAsync(1, dynamic));
        var update = await cs.CallAsync("UpdateDynamicSchedule", """{"chargingProfileId":704,"scheduleUpdate":{"limit":13}}""");
        Assert.Equal("Accepted", update.GetProperty("status").GetString());
        Assert.Equal(13, cs.Module.Limits.LimitFor(1).CurrentLimitA);
        var (_, reports) = await cs.GetProfilesAsync(1, """{"chargingProfileId":[704]}""");
        Assert.True(reports[0].GetProperty("chargingProfile")[0].TryGetProperty("dynUpdateTime", out _)); // K28.FR.09
    }

    [Fact]
    public async Task TC_K_123_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(705)));
        Assert.Equal("Rejected", (await cs.CallAsync("UpdateDynamicSchedule", """{"chargingProfileId":705,"scheduleUpdate":{"limit":13}}""")).GetProperty("status").GetString());
        Assert.Equal("Rejected", (await cs.CallAsync("UpdateDynamicSchedule", """{"chargingProfileId":999,"scheduleUpdate":{"limit":13}}""")).GetProperty("status").GetString());

        var twoPeriods = """[{"startPeriod":0,"limit":6},{"startPeriod":60,"limit":7}]""";
        Assert.Equal("Rejected", await cs.SetAsync(1, Profile(706, "TxDefaultProfile", stackLevel: 1, kind: "Dynamic", startSchedule: null, duration: null, periods: twoPeriods)));
        var misplaced = await cs.SetWithInfoAsync(1, TxDefault(707, stackLevel: 2, extraProfile: ",\"dynUpdateInterval\":60"));
        Assert.Equal("InvalidProfile", misplaced.GetProperty("statusInfo").GetProperty("reasonCode").GetString()); // K01.FR.122
    }

    [Fact]
    public async Task TC_K_100_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(708, limit: 6, stackLevel: 1, extraProfile: ",\"maxOfflineDuration\":60")));
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(709, limit: 10, stackLevel: 0)));
        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(6, limit.CurrentLimitA);

        // Offline longer than maxOfflineDuration: the profile lapses and the lower stack level takes over (K01.FR.101).
        cs.H.Csms.RefuseConnections(1000);
        cs.H.Session.Abort();
        await cs.H.AdvanceUntilAsync(() => !cs.H.Runtime.IsConnected, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        await cs.H.AdvanceUntilAsync(() => limit.CurrentLimitA == 10, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120));
        Assert.Equal(10, limit.CurrentLimitA);

        // Back online it counts again (K01.FR.102, invalidAfterOfflineDuration absent).
        cs.H.Csms.AcceptConnections();
        await cs.H.AdvanceUntilAsync(() => cs.H.Runtime.IsConnected, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300));
        await cs.H.AdvanceUntilAsync(() => limit.CurrentLimitA == 6, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
    }
}
