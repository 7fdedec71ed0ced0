using System.Text.Json;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>
/// Q10 operationMode Idle ("minimizing energy consumption", SC-9) on this charge-only AC station without EVSE sleep
/// (SmartChargingCtrlr.SupportsFeature[EvseSleep] false, so TC_Q_125 does not apply): an Idle period offers no current
/// (pilot 100 %: the EV may only precondition from its own battery), and carries no limit, dischargeLimit, setpoint or
/// setpointReactive (Q10.FR.01/02).
/// </summary>
public sealed class IdleOperationModeTests
{
    private static async Task<(SmartChargingTransactionRig Station, string TransactionId)> ChargingAsync()
    {
        var cs = await SmartChargingTransactionRig.StartAsync();
        await cs.Rig.PlugAsync();
        await cs.Rig.TapAsync("CARD1");
        var started = await cs.Rig.WaitForEventAsync(e => e.EventType() == "Started");
        await cs.Rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return (cs, started.TxId());
    }

    private static async Task<JsonElement> SetAsync(TransactionRig rig, int id, string transactionId, string periods)
    {
        var profile = ProfileJson.Profile(id, "TxProfile", kind: "Relative", startSchedule: null, duration: null, periods: periods, extraProfile: $",\"transactionId\":\"{transactionId}\"");
        var set = await rig.Session.CallAsync("SetChargingProfile", $$"""{"evseId":1,"chargingProfile":{{profile}}}""");
        Assert.Equal(3, set[0].GetInt32());
        return set[2];
    }

    // Q10 scenario #2 / Q10.FR.05: Idle without sleep is followed (no current offered, operationMode Idle reported,
    // evseSleep never true); K01.FR.126: evseSleep = true is Rejected because SupportsEvseSleep is false.
    [Fact]
    public async Task TC_Q_126_CS()
    {
        var (cs, tx) = await ChargingAsync();
        await using (cs)
        {
            var rig = cs.Rig;
            var sleep = await SetAsync(rig, 126, tx, """[{"startPeriod":0,"operationMode":"Idle","evseSleep":true}]""");
            Assert.Equal("Rejected", sleep.GetProperty("status").GetString());
            Assert.Equal("InvalidSchedule", sleep.GetProperty("statusInfo").GetProperty("reasonCode").GetString());

            var idle = await SetAsync(rig, 127, tx, """[{"startPeriod":0,"operationMode":"Idle","preconditioningRequest":false},{"startPeriod":60,"limit":16}]""");
            Assert.Equal("Accepted", idle.GetProperty("status").GetString());
            var changed = await rig.WaitForEventAsync(e => e.Trigger() == "OperationModeChanged", TimeSpan.FromSeconds(30));
            Assert.Equal("Idle", changed.GetProperty("transactionInfo").GetProperty("operationMode").GetString());

            // The EVSE withdraws its offer: pilot at 100 % (no PWM), nothing drawn, the transaction stays.
            await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.OfferedCurrentA == 0);
            Assert.All(rig.Events, e => Assert.False(e.TryGetProperty("evseSleep", out var s) && s.GetBoolean()));
            Assert.True(rig.Manager.HasActiveTransaction(1));

            // After the Idle period the station charges again.
            var back = await rig.WaitForEventAsync(e => e.Trigger() == "OperationModeChanged" && e.GetProperty("transactionInfo").GetProperty("operationMode").GetString() == "ChargingOnly", TimeSpan.FromSeconds(90));
            Assert.Equal(tx, back.TxId());
            await rig.RunUntilAsync(() => rig.Controllers[0].Snapshot.OfferedCurrentA > 0, TimeSpan.FromSeconds(30));
        }
    }

    // Q10.FR.01/02: Idle with limit, dischargeLimit, setpoint or setpointReactive (or an L2/L3 variant) is Rejected
    // InvalidSchedule, the additionalInfo naming the schedule and the period; without them it is Accepted and the
    // composite schedule shows the Idle period without a limit.
    [Fact]
    public async Task TC_Q_127_CS()
    {
        var (cs, tx) = await ChargingAsync();
        await using (cs)
        {
            var rig = cs.Rig;
            foreach (var field in new[] { "\"limit\":16", "\"limit\":0", "\"dischargeLimit\":-5", "\"setpoint\":4", "\"setpointReactive\":1", "\"setpoint_L2\":4" })
            {
                var answer = await SetAsync(rig, 130, tx, $$"""[{"startPeriod":0,"limit":16},{"startPeriod":30,"operationMode":"Idle",{{field}}}]""");
                Assert.Equal("Rejected", answer.GetProperty("status").GetString());
                var info = answer.GetProperty("statusInfo");
                Assert.Equal("InvalidSchedule", info.GetProperty("reasonCode").GetString());
                Assert.Contains("chargingSchedule 1 period at startPeriod 30", info.GetProperty("additionalInfo").GetString(), StringComparison.Ordinal);
            }

            Assert.Equal("Accepted", (await SetAsync(rig, 131, tx, """[{"startPeriod":0,"limit":16},{"startPeriod":30,"operationMode":"Idle"}]""")).GetProperty("status").GetString());
            var composite = await rig.Session.CallAsync("GetCompositeSchedule", """{"evseId":1,"duration":120,"chargingRateUnit":"A"}""");
            var periods = composite[2].GetProperty("schedule").GetProperty("chargingSchedulePeriod").EnumerateArray().ToList();
            var idle = Assert.Single(periods, p => p.TryGetProperty("operationMode", out var m) && m.GetString() == "Idle");
            // The relative profile runs from the transaction start, a few seconds before the composite's start.
            Assert.InRange(idle.GetProperty("startPeriod").GetInt32(), 1, 30);
            Assert.False(idle.TryGetProperty("limit", out _));
            Assert.All(periods.Where(p => !p.TryGetProperty("operationMode", out _)), p => Assert.True(p.GetProperty("limit").GetDecimal() > 0));
        }
    }
}
