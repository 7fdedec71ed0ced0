using System.Globalization;
using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.Tests.Conformance.I;

namespace ChargerController.Station.Tests.Conformance.Transactions;

/// <summary>
/// E16 limits the station sets itself (TxCtrlr.DefaultMaxEnergy / DefaultMaxTime / DefaultMaxCost), merged with the CSMS's,
/// and cost limits held against the station's own cost calculation (OCPP 2.1 TC_E_101/102/103/106/107/108). The 2.1 step
/// lists are not available: each test says which requirements it checks.
/// </summary>
public sealed class StationLimitTests
{
    private const decimal StartRegisterWh = 1000m;

    /// <summary>The local cost is brought up to date every Interval[Tariff] (default 60 s): 0 = every tariff tick (5 s).</summary>
    private static readonly Dictionary<string, string> LocalCostEveryTick = new() { ["TariffCostCtrlr.Interval[Tariff]"] = "0" };

    [Fact]
    public async Task TC_E_106_CS()
    {
        // E16.FR.01: the station's own energy limit goes once with the token; E16.FR.05: reached → suspended, tx stays open.
        await using var rig = await ChargingAsync(new Dictionary<string, string> { ["TxCtrlr.DefaultMaxEnergy"] = "100" });

        var withLimit = Assert.Single(rig.Events, e => HasLimit(e));
        Assert.Equal("Started", withLimit.EventType());
        Assert.Equal("CARD1", withLimit.IdToken());
        Assert.Equal(100m, Limit(withLimit).GetProperty("maxEnergy").GetDecimal());
        Assert.False(Limit(withLimit).TryGetProperty("maxTime", out _));

        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("Updated", reached.EventType());
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.InRange(await DeliveredWhAsync(rig), 100m, 115m);
        Assert.True(rig.Manager.HasActiveTransaction(1));
        Assert.Single(rig.Events, e => HasLimit(e));
    }

    [Fact]
    public async Task TC_E_107_CS()
    {
        // E16.FR.01 with a time limit; E16.FR.09: it runs from the Started event.
        await using var rig = await ChargingAsync(new Dictionary<string, string> { ["TxCtrlr.DefaultMaxTime"] = "60" });
        var started = rig.Events[0];
        Assert.Equal(60, Limit(started).GetProperty("maxTime").GetInt32());

        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "TimeLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        var after = reached.GetProperty("timestamp").GetDateTimeOffset() - started.GetProperty("timestamp").GetDateTimeOffset();
        Assert.InRange(after, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(62));
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task TC_E_102_CS()
    {
        // The station sets 500 Wh with the token; the CSMS answers with a lower limit of its own (E16.FR.07): confirmed
        // once with LimitSet (E16.FR.03) and enforced. The station may not raise it again past the CSMS's (E16.FR.04).
        await using var rig = await ChargingAsync(
            new Dictionary<string, string> { ["TxCtrlr.DefaultMaxEnergy"] = "500" },
            request => request.GetProperty("seqNo").GetInt32() == 0 ? """{"transactionLimit":{"maxEnergy":100}}""" : "{}");
        Assert.Equal(500m, Limit(rig.Events[0]).GetProperty("maxEnergy").GetDecimal());
        var limitSet = await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet");
        Assert.Equal(100m, Limit(limitSet).GetProperty("maxEnergy").GetDecimal());

        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.InRange(await DeliveredWhAsync(rig), 100m, 115m);

        // E16.FR.04: a station-side raise (e.g. the driver) is held at the CSMS's limit: no new LimitSet, energy stays off.
        await rig.Manager.SetStationLimitAsync(reached.TxId(), new TransactionLimitType { MaxEnergy = 1000m }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await rig.RunForAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        Assert.False(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.All(rig.Events.Where(HasLimit), e => Assert.True(Limit(e).GetProperty("maxEnergy").GetDecimal() is 100m or 500m));
        Assert.Single(rig.Events, e => e.Trigger() == "LimitSet");
        Assert.Single(rig.Events, e => e.Trigger() == "EnergyLimitReached");
    }

    [Fact]
    public async Task E16_FR_07_CsmsRaisesTheStationLimit_CsmsLimitApplies()
    {
        // The CSMS has the last word, also when its limit is higher than the station's own.
        await using var rig = await ChargingAsync(
            new Dictionary<string, string> { ["TxCtrlr.DefaultMaxEnergy"] = "50" },
            request => request.GetProperty("seqNo").GetInt32() == 0 ? """{"transactionLimit":{"maxEnergy":150}}""" : "{}");
        Assert.Equal(150m, Limit(await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet")).GetProperty("maxEnergy").GetDecimal());

        await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.InRange(await DeliveredWhAsync(rig), 150m, 165m);
    }

    [Fact]
    public async Task E16_FR_04_CsmsLimitStaysTheCeilingAfterARestart()
    {
        // The CSMS's limit is journaled as the ceiling: a station-side raise after a power loss is still held to it.
        await using var rig = await ChargingAsync(
            new Dictionary<string, string>
            {
                ["TxCtrlr.DefaultMaxEnergy"] = "500",
                ["TxCtrlr.ResumptionTimeout"] = "300",
                ["TxCtrlr.AllowEnergyTransferResumption"] = "true",
            },
            request => request.GetProperty("seqNo").GetInt32() == 0 ? """{"transactionLimit":{"maxEnergy":150}}""" : "{}");
        await rig.WaitForEventAsync(e => e.Trigger() == "LimitSet");

        await rig.RestartAsync();
        var resumed = await rig.WaitForEventAsync(e => e.Trigger() == "TxResumed");
        await rig.Manager.SetStationLimitAsync(resumed.TxId(), new TransactionLimitType { MaxEnergy = 400m }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.InRange(await DeliveredWhAsync(rig), 150m, 165m);
        Assert.Single(rig.Events, e => e.Trigger() == "LimitSet");
    }

    [Fact]
    public async Task E16_StationLimit_TheStricterOfDefaultAndAuthorizationLimitApplies()
    {
        // A payment terminal's amount (the session's limit) and the configured default: per kind the stricter one.
        await using var rig = await TransactionRig.StartAsync(new Dictionary<string, string>
        {
            ["TxCtrlr.DefaultMaxEnergy"] = "80",
            ["TxCtrlr.DefaultMaxCost"] = "9.50",
        });
        await rig.PlugAsync();
        var decision = new Station.Authorization.AuthorizationDecision(
            new IdTokenInfoType { Status = Ocpp.Enums.AuthorizationStatusEnumType.Accepted },
            Station.Authorization.AuthorizationSource.Csms);
        await rig.Sessions.StartWithDecisionAsync(
            new IdTokenType { IdToken = "PAY1", Type = "DirectPayment" }, decision, 1, new TransactionLimitType { MaxCost = 5m, MaxEnergy = 200m }, "payment", CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        var started = await rig.WaitForEventAsync(e => e.EventType() == "Started");
        Assert.Equal(80m, Limit(started).GetProperty("maxEnergy").GetDecimal());
        Assert.Equal(5m, Limit(started).GetProperty("maxCost").GetDecimal());
        await rig.WaitForEventAsync(e => e.Trigger() == "EnergyLimitReached", TimeSpan.FromMinutes(3));
        Assert.InRange(await DeliveredWhAsync(rig), 80m, 95m);
    }

    [Fact]
    public async Task TC_E_101_CS()
    {
        // Central cost calculation through CostUpdated (I02) and a cost limit set by the station (E16.FR.01/11/15).
        await using var s = await TariffStation.StartAsync(new Dictionary<string, string> { ["TxCtrlr.DefaultMaxCost"] = "1.50" });
        var rig = s.Rig;
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        var started = await s.EventAsync(e => e.EventType() == "Started");
        Assert.Equal(1.5m, Limit(started).GetProperty("maxCost").GetDecimal());
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        var id = started.TxId();

        await s.CallAsync("CostUpdated", $$"""{"totalCost":1.00,"transactionId":"{{id}}"}""");
        await rig.RunForAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
        Assert.True(rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.DoesNotContain(rig.Events, e => e.Trigger() == "CostLimitReached");

        await s.CallAsync("CostUpdated", $$"""{"totalCost":1.60,"transactionId":"{{id}}"}""");
        var reached = await rig.WaitForEventAsync(e => e.Trigger() == "CostLimitReached");
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await rig.RunUntilAsync(() => !rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.True(rig.Manager.HasActiveTransaction(1));
    }

    [Fact]
    public async Task TC_E_103_CS()
    {
        // The station calculates the cost (default tariff 0.25/kWh) and the CSMS sets maxCost 0.05 (= 200 Wh). The CSMS's
        // totalCost of 0 in every answer is not used (E16.FR.16): the local cost reaches the limit.
        await using var s = await TariffStation.StartAsync(LocalCostEveryTick, script: csms => csms.Respond("TransactionEvent", request =>
            request.GetProperty("seqNo").GetInt32() == 0 ? """{"transactionLimit":{"maxCost":0.05},"totalCost":0}""" : """{"totalCost":0}"""));
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("D1")}}}"""));
        await s.Rig.PlugAsync();
        await s.Rig.TapAsync("CARD1");

        Assert.Equal(0.05m, Limit(await s.EventAsync(e => e.Trigger() == "LimitSet")).GetProperty("maxCost").GetDecimal());
        var reached = await s.Rig.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await s.Rig.RunUntilAsync(() => !s.Rig.Controllers[0].Snapshot.ContactorClosed);

        // The local cost is looked at every tariff tick (5 s, about 15 Wh at 11 kW): stopped between 200 and 240 Wh.
        Assert.InRange(await DeliveredWhAsync(s.Rig), 200m, 240m);
        Assert.True(s.Module.CostOf(reached.TxId())!.Local);
    }

    [Fact]
    public async Task TC_E_108_CS()
    {
        // The station calculates the cost and sets the cost limit itself (TxCtrlr.DefaultMaxCost 0.05 = 200 Wh at 0.25/kWh).
        await using var s = await TariffStation.StartAsync(new Dictionary<string, string>(LocalCostEveryTick) { ["TxCtrlr.DefaultMaxCost"] = "0.05" });
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{TariffStation.Tariff("D1")}}}"""));
        await s.Rig.PlugAsync();
        await s.Rig.TapAsync("CARD1");

        var started = await s.EventAsync(e => e.EventType() == "Started");
        Assert.Equal(0.05m, Limit(started).GetProperty("maxCost").GetDecimal());
        var reached = await s.Rig.WaitForEventAsync(e => e.Trigger() == "CostLimitReached", TimeSpan.FromMinutes(3));
        Assert.Equal("SuspendedEVSE", reached.ChargingState());
        await s.Rig.RunUntilAsync(() => !s.Rig.Controllers[0].Snapshot.ContactorClosed);
        Assert.InRange(await DeliveredWhAsync(s.Rig), 200m, 240m);
        var cost = s.Module.CostOf(reached.TxId())!;
        Assert.True(cost.Local);
        Assert.True(cost.Total >= 0.05m, cost.Total.ToString(CultureInfo.InvariantCulture));
    }

    private static bool HasLimit(JsonElement e) => e.GetProperty("transactionInfo").TryGetProperty("transactionLimit", out _);

    private static JsonElement Limit(JsonElement e) => e.GetProperty("transactionInfo").GetProperty("transactionLimit");

    private static async Task<decimal> DeliveredWhAsync(TransactionRig rig) =>
        (decimal)(await rig.Meter().ReadAsync(CancellationToken.None)).EnergyImportWh - StartRegisterWh;

    private static async Task<TransactionRig> ChargingAsync(Dictionary<string, string> config, Func<JsonElement, string>? answer = null)
    {
        var rig = await TransactionRig.StartAsync(config, script: answer is null ? null : csms => csms.Respond("TransactionEvent", answer));
        await rig.PlugAsync();
        await rig.TapAsync("CARD1");
        await rig.WaitForEventAsync(e => e.ChargingState() == "Charging");
        return rig;
    }
}
