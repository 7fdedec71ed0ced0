using System.Globalization;
using System.Text.Json;
using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// Tariff conditions in a real transaction (OCA TC_I_101, 114, 115, 119; OCPP 2.1). The step-by-step scenarios of these
/// 2.1 cases are not available: each test is derived from the requirements it names. The station's local time is UTC
/// here and the virtual clock starts at 2025-01-01 12:00 (a Wednesday).
/// </summary>
public sealed class TariffConditionTests
{
    private static readonly DateTimeOffset Noon = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    internal static async Task<TariffStation> ChargingAsync(string? tariff = null, IReadOnlyDictionary<string, string>? config = null, Action<ChargerController.Testing.Csms.LoopbackCsms>? script = null)
    {
        var s = await TariffStation.StartAsync(config, script);
        if (tariff is not null)
        {
            Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{tariff}}}"""));
        }

        await s.Rig.PlugAsync();
        await s.Rig.TapAsync("CARD1");
        await s.Rig.RunUntilAsync(() => s.Rig.Controllers[0].Snapshot.ChargingState == EvseChargingState.Charging && s.Rig.Manager.GetTransactionId(1) is not null);
        await s.EventAsync(e => e.ChargingState() == "Charging");
        return s;
    }

    internal static async Task<JsonElement> StopAsync(TariffStation s)
    {
        await s.Rig.TapAsync("CARD1");
        await s.Rig.RunUntilAsync(() => s.Rig.Manager.GetTransactionId(1) is null);
        return await s.EventAsync(e => e.EventType() == "Ended");
    }

    internal static DateTimeOffset Start(JsonElement period) =>
        DateTimeOffset.Parse(period.GetProperty("startPeriod").GetString()!, CultureInfo.InvariantCulture);

    internal static decimal Volume(JsonElement period, string type) =>
        period.TryGetProperty("dimensions", out var dims) && dims.EnumerateArray().FirstOrDefault(d => d.GetProperty("type").GetString() == type) is { ValueKind: JsonValueKind.Object } d
            ? d.GetProperty("volume").GetDecimal()
            : 0m;

    internal static decimal ExclTax(JsonElement totalCost, string part) => totalCost.GetProperty(part).GetProperty("exclTax").GetDecimal();

    [Fact]
    public async Task TC_I_101_CS()
    {
        // I07.FR.01/17: a default tariff with startTimeOfDay/endTimeOfDay (local time) is accepted; I12.FR.33-36: the price of
        // the window applies exactly from 12:05 to 12:10, with a new charging period at each edge (I12.FR.31 note: times
        // are followed exactly, not at the next sample); the fallback price (no conditions) before and after.
        var tariff = """{"tariffId":"T101","currency":"EUR","energy":{"prices":[{"priceKwh":0.40,"conditions":{"startTimeOfDay":"12:05","endTimeOfDay":"12:10"}},{"priceKwh":0.20}]}}""";
        await using var s = await ChargingAsync(tariff);
        var assignment = Assert.Single((await s.CallAsync("GetTariffs", """{"evseId":1}""")).GetProperty("tariffAssignments").EnumerateArray());
        Assert.Equal("T101", assignment.GetProperty("tariffId").GetString());

        await s.Rig.RunForAsync(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1));
        var details = (await StopAsync(s)).GetProperty("costDetails");
        var periods = details.GetProperty("chargingPeriods").EnumerateArray().ToList();
        var peak = Assert.Single(periods, p => Start(p) == Noon.AddMinutes(5));
        Assert.Single(periods, p => Start(p) == Noon.AddMinutes(10));
        Assert.All(periods, p => Assert.Equal("T101", p.GetProperty("tariffId").GetString()));

        // The window's energy at 0.40, the rest at 0.20; the total is the sum (per-period volumes are rounded to 1 mWh).
        var peakEnd = periods.Select(Start).Where(t => t > Start(peak)).Min();
        var peakWh = periods.Where(p => Start(p) >= Start(peak) && Start(p) < peakEnd).Sum(p => Volume(p, "Energy"));
        var allWh = periods.Sum(p => Volume(p, "Energy"));
        Assert.True(peakWh > 500, $"peak energy {peakWh} Wh");
        var expected = (peakWh / 1000m * 0.40m) + ((allWh - peakWh) / 1000m * 0.20m);
        var energyCost = ExclTax(details.GetProperty("totalCost"), "energy");
        Assert.True(Math.Abs(expected - energyCost) < 0.001m, $"energy cost {energyCost}, expected {expected}");
    }

    [Fact]
    public async Task TC_I_114_CS()
    {
        // I11.FR.03: ConditionsSupported[Tariff] = false → ChangeTransactionTariff with conditions is ConditionNotSupported,
        // the transaction keeps its tariff and no TariffChanged event is sent; I11.FR.06: without conditions it is Accepted.
        await using var s = await ChargingAsync(TariffStation.Tariff("Plain"), new Dictionary<string, string> { ["TariffCostCtrlr.ConditionsSupported[Tariff]"] = "false" });
        var txId = s.Rig.Manager.GetTransactionId(1)!;
        var conditional = """{"tariffId":"Cond","currency":"EUR","energy":{"prices":[{"priceKwh":0.5,"conditions":{"minPower":1000}},{"priceKwh":0.3}]}}""";
        Assert.Equal("ConditionNotSupported", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{conditional}}}"""));
        var fixedConditional = """{"tariffId":"Cond2","currency":"EUR","energy":{"prices":[{"priceKwh":0.3}]},"fixedFee":{"prices":[{"priceFixed":1,"conditions":{"dayOfWeek":["Wednesday"]}}]}}""";
        Assert.Equal("ConditionNotSupported", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{fixedConditional}}}"""));
        Assert.Equal("Plain", s.Module.CostOf(txId)?.TariffId);
        Assert.DoesNotContain(s.Rig.Events, e => e.Trigger() == "TariffChanged");

        Assert.Equal("Accepted", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{TariffStation.Tariff("Plain2")}}}"""));
        var changed = await s.EventAsync(e => e.Trigger() == "TariffChanged");
        Assert.Equal("Plain2", changed.GetProperty("transactionInfo").GetProperty("tariffId").GetString());
    }

    [Fact]
    public async Task TC_I_115_CS()
    {
        // I11.FR.06-08 with ConditionsSupported[Tariff] = true: a tariff with conditions is Accepted, TariffChanged carries
        // its id, and from then on its conditions decide the price (I12.FR.33-36): 0.60 between 12:06 and 12:08, else 0.30.
        await using var s = await ChargingAsync(TariffStation.Tariff("Before"));
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        var txId = s.Rig.Manager.GetTransactionId(1)!;
        var conditional = """{"tariffId":"Cond","currency":"EUR","energy":{"prices":[{"priceKwh":0.60,"conditions":{"startTimeOfDay":"12:06","endTimeOfDay":"12:08"}},{"priceKwh":0.30}]}}""";
        Assert.Equal("Accepted", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{conditional}}}"""));
        var changed = await s.EventAsync(e => e.Trigger() == "TariffChanged");
        Assert.Equal("Cond", changed.GetProperty("transactionInfo").GetProperty("tariffId").GetString());

        await s.Rig.RunForAsync(TimeSpan.FromMinutes(8), TimeSpan.FromSeconds(1));
        var details = (await StopAsync(s)).GetProperty("costDetails");
        var periods = details.GetProperty("chargingPeriods").EnumerateArray().ToList();
        Assert.Equal("Before", periods[0].GetProperty("tariffId").GetString());
        var window = Assert.Single(periods, p => Start(p) == Noon.AddMinutes(6));
        Assert.Equal("Cond", window.GetProperty("tariffId").GetString());
        Assert.Single(periods, p => Start(p) == Noon.AddMinutes(8) && p.GetProperty("tariffId").GetString() == "Cond");

        // I11.FR.08: no retroactive recalculation: the energy before the change stays at the old price (0.25).
        var changeAt = periods.Where(p => p.GetProperty("tariffId").GetString() == "Cond").Min(Start);
        decimal Price(JsonElement p) => p.GetProperty("tariffId").GetString() == "Before" ? 0.25m : Start(p) >= Noon.AddMinutes(6) && Start(p) < Noon.AddMinutes(8) ? 0.60m : 0.30m;
        var expected = periods.Sum(p => Volume(p, "Energy") / 1000m * Price(p));
        var energyCost = ExclTax(details.GetProperty("totalCost"), "energy");
        Assert.True(changeAt < Noon.AddMinutes(6), $"tariff changed at {changeAt}");
        Assert.True(Math.Abs(expected - energyCost) < 0.002m, $"energy cost {energyCost}, expected {expected}");
    }

    [Fact]
    public async Task TC_I_119_CS()
    {
        // I12.FR.05/09/10: fixed fee, energy and charging time each in their totalCost part, usage in totalUsage; the
        // energy price of this AC EVSE is the first whose evseKind holds (I12.FR.34);
        // I12.FR.30: the fixed fee's dayOfWeek condition (Wednesday) is evaluated once at the start; I12.FR.34: the first
        // applicable charging-time price is 0.50/min for the first 120 s of charging (maxChargingTime), then 0.10/min, with a
        // new period exactly at 120 s (I12.FR.35/36); I12.FR.13: VAT on energy; I12.FR.17: the total is the sum of the parts.
        var tariff = """
            {"tariffId":"T119","currency":"EUR",
             "fixedFee":{"prices":[{"priceFixed":9.99,"conditions":{"dayOfWeek":["Monday"]}},{"priceFixed":1.50,"conditions":{"dayOfWeek":["Wednesday"]}}]},
             "energy":{"prices":[{"priceKwh":0.90,"conditions":{"evseKind":"DC"}},{"priceKwh":0.20,"conditions":{"evseKind":"AC"}}],"taxRates":[{"type":"vat","tax":21}]},
             "chargingTime":{"prices":[{"priceMinute":0.50,"conditions":{"maxChargingTime":120}},{"priceMinute":0.10}]}}
            """;
        await using var s = await ChargingAsync(tariff);
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(1));
        var details = (await StopAsync(s)).GetProperty("costDetails");
        var cost = details.GetProperty("totalCost");
        Assert.Equal("NormalCost", cost.GetProperty("typeOfCost").GetString());
        Assert.Equal(1.50m, ExclTax(cost, "fixed"));

        var usage = details.GetProperty("totalUsage");
        var energyWh = usage.GetProperty("energy").GetDecimal();
        Assert.True(Math.Abs((energyWh / 1000m * 0.20m) - ExclTax(cost, "energy")) < 0.001m);
        Assert.Equal(Math.Round(ExclTax(cost, "energy") * 1.21m, 4), cost.GetProperty("energy").GetProperty("inclTax").GetDecimal(), 3);

        var charging = (decimal)usage.GetProperty("chargingTime").GetInt32();
        Assert.InRange(charging, 300, 420);
        var expectedTime = (120m / 60m * 0.50m) + ((charging - 120m) / 60m * 0.10m);
        Assert.True(Math.Abs(expectedTime - ExclTax(cost, "chargingTime")) < 0.01m, $"charging time cost {ExclTax(cost, "chargingTime")}, expected {expectedTime}");

        // The period boundary at 120 s of charging: the periods before it hold exactly 120 s of charging time.
        var periods = details.GetProperty("chargingPeriods").EnumerateArray().ToList();
        var first = 0m;
        var index = 0;
        while (index < periods.Count && first < 120m)
        {
            first += Volume(periods[index++], "ChargingTime");
        }

        Assert.InRange(first, 119m, 121m);
        Assert.True(index < periods.Count, "no period after 120 s of charging");

        var parts = new[] { "fixed", "energy", "chargingTime" }.Sum(p => ExclTax(cost, p));
        Assert.Equal(parts, cost.GetProperty("total").GetProperty("exclTax").GetDecimal());
        Assert.Equal(
            new[] { "fixed", "energy", "chargingTime" }.Sum(p => cost.GetProperty(p).TryGetProperty("inclTax", out var incl) ? incl.GetDecimal() : ExclTax(cost, p)),
            cost.GetProperty("total").GetProperty("inclTax").GetDecimal());
    }
}
