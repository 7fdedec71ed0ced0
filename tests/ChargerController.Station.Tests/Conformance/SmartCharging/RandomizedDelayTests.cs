using ChargerController.Station.SmartCharging;
using ChargerController.Station.Tests.SmartCharging;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>
/// randomizedDelay (SC-7). The OCTT scenarios of these 2.1 test cases are not published; each test is derived from the
/// Part 2 requirements it names (K01.FR.92-97, K01.FR.124, K08.FR.06) and the test case title in Part 5.
/// </summary>
public sealed class RandomizedDelayTests
{
    // TxDefault on EVSE 1: 6 A, 10 A from 300 s, 16 A from 600 s, each later start delayed by up to 120 s.
    private static readonly string Randomized = Profile(
        130,
        "TxDefaultProfile",
        startSchedule: T0,
        duration: null,
        extraSchedule: ",\"randomizedDelay\":120",
        periods: """[{"startPeriod":0,"limit":6},{"startPeriod":300,"limit":10},{"startPeriod":600,"limit":16}]""");

    [Fact]
    public async Task TC_K_106_CS()
    {
        // K01.FR.92/93: with a transaction running, the limit changes at startPeriod + a delay in [0, randomizedDelay].
        var random = new ScriptedRandomDelays(50, 70);
        await using var cs = await SmartChargingStation.StartAsync(randomDelays: random);
        Assert.Equal("true", (await cs.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"SupportsFeature","instance":"RandomizedDelay"}}]}""")).GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
        Assert.Equal("Accepted", await cs.SetAsync(1, Randomized));
        cs.H.Transactions.Start(1);
        Assert.Equal([120, 120], random.Maxima);

        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(6, limit.GetCurrentLimitA(cs.H.Time.GetUtcNow()));
        await cs.AdvanceAsync(TimeSpan.FromSeconds(349));
        Assert.Equal(6, limit.CurrentLimitA); // 300 s + 50 s: not yet
        await cs.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(10, limit.CurrentLimitA);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(319));
        Assert.Equal(10, limit.CurrentLimitA);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(16, limit.CurrentLimitA); // 600 s + 70 s
    }

    [Fact]
    public async Task TC_K_112_CS()
    {
        // GetCompositeSchedule with randomizedDelay: a running transaction reports its fixed randomized starts (K01.FR.93),
        // every time the same; an idle EVSE is computed without random delay (K08.FR.06).
        await using var cs = await SmartChargingStation.StartAsync(randomDelays: new ScriptedRandomDelays(45, 100));
        Assert.Equal("Accepted", await cs.SetAsync(0, Randomized));
        cs.H.Transactions.Start(1);

        Assert.Equal([(0, 6m), (345, 10m), (700, 16m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 900)));
        Assert.Equal([(0, 6m), (345, 10m), (700, 16m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 900)));
        Assert.Equal([(0, 6m), (300, 10m), (600, 16m)], SmartChargingStation.Periods(await cs.CompositeAsync(2, 900)));
    }

    [Fact]
    public async Task TC_K_108_CS()
    {
        // Random for each transaction: a new transaction draws new delays (K01.FR.93).
        await using var cs = await SmartChargingStation.StartAsync(randomDelays: new ScriptedRandomDelays(50, 70, 5, 110));
        Assert.Equal("Accepted", await cs.SetAsync(1, Randomized));
        cs.H.Transactions.Start(1);
        Assert.Equal([(0, 6m), (350, 10m), (670, 16m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 900)));
        cs.H.Transactions.End(1);
        Assert.Equal(0, cs.Module.Delays.Count);

        cs.H.Transactions.Start(1);
        Assert.Equal([(0, 6m), (305, 10m), (710, 16m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 900)));
    }

    [Fact]
    public async Task TC_K_107_CS()
    {
        // randomizedDelay validations: only a TxProfile or TxDefaultProfile may carry one (K01.FR.95).
        await using var cs = await SmartChargingStation.StartAsync(randomDelays: new ScriptedRandomDelays(10));
        foreach (var (evseId, profile) in new[]
        {
            (0, Profile(131, "ChargingStationMaxProfile", limit: 20, extraSchedule: ",\"randomizedDelay\":60")),
            (1, Profile(132, "PriorityCharging", kind: "Relative", limit: 32, startSchedule: null, duration: null, extraSchedule: ",\"randomizedDelay\":60")),
            (0, Profile(133, "LocalGeneration", limit: 6, extraSchedule: ",\"randomizedDelay\":60")),
        })
        {
            var answer = await cs.SetWithInfoAsync(evseId, profile);
            Assert.Equal(("Rejected", "InvalidSchedule"), (answer.GetProperty("status").GetString(), answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        }

        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(134, extraSchedule: ",\"randomizedDelay\":60")));
        cs.H.Transactions.Start(1);
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(135, "TxProfile", extraProfile: ",\"transactionId\":\"tx-1\"", extraSchedule: ",\"randomizedDelay\":60")));

        // randomizedDelay 0 is the default, allowed on every purpose.
        Assert.Equal("Accepted", await cs.SetAsync(0, Profile(136, "ChargingStationMaxProfile", limit: 20, extraSchedule: ",\"randomizedDelay\":0")));
    }

    [Fact]
    public async Task TC_K_133_CS()
    {
        // RandomizedDelay unsupported: with SmartCharging:SupportsRandomizedDelay false the station reports
        // SupportsFeature[RandomizedDelay] = false and rejects a randomizedDelay (K01.FR.124).
        var options = SmartChargingStation.DefaultOptions with { SupportsRandomizedDelay = false };
        await using var cs = await SmartChargingStation.StartAsync(options: options);
        var get = await cs.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"SupportsFeature","instance":"RandomizedDelay"}}]}""");
        Assert.Equal("false", get.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
        var answer = await cs.SetWithInfoAsync(1, TxDefault(137, extraSchedule: ",\"randomizedDelay\":60"));
        Assert.Equal(("Rejected", "InvalidSchedule"), (answer.GetProperty("status").GetString(), answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(138)));
    }
}
