using System.Text.Json;
using ChargerController.Station.Tests.Conformance.Transactions;
using ChargerController.Station.Evse;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// I04/I07/I11/I12 with a real transaction (OCA TC_I_104, 111, 113, 116, 117, 118, 121; OCPP 2.1). The step-by-step
/// scenarios of these 2.1 cases are not available: each test is derived from the requirements it names.
/// </summary>
public sealed class TransactionCostTests
{
    // The session helpers are shared with the tariff-condition cases (same station, same card, same waits).
    private static Task<TariffStation> ChargingAsync(string? tariff = null, IReadOnlyDictionary<string, string>? config = null) =>
        TariffConditionTests.ChargingAsync(tariff, config);

    private static Task<JsonElement> StopAsync(TariffStation s) => TariffConditionTests.StopAsync(s);

    [Fact]
    public async Task TC_I_104_CS()
    {
        // I07.FR.14/32: the default tariff is used and its id goes once in the next event; I12.FR.01/09: costDetails in Ended.
        await using var s = await ChargingAsync(TariffStation.Tariff("D1"));
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));
        var ended = await StopAsync(s);
        Assert.Single(s.Rig.Events, e => e.GetProperty("transactionInfo").TryGetProperty("tariffId", out var id) && id.GetString() == "D1");
        var details = ended.GetProperty("costDetails");
        var energyWh = details.GetProperty("totalUsage").GetProperty("energy").GetDecimal();
        Assert.True(energyWh > 1000, $"energy {energyWh}");
        var energyCost = details.GetProperty("totalCost").GetProperty("energy").GetProperty("exclTax").GetDecimal();
        Assert.Equal(Math.Round(energyWh / 1000m * 0.25m, 4), energyCost);
        Assert.Equal(energyCost, details.GetProperty("totalCost").GetProperty("total").GetProperty("exclTax").GetDecimal());
        Assert.Equal("D1", details.GetProperty("chargingPeriods")[0].GetProperty("tariffId").GetString());
        Assert.Contains(s.Screen.Texts, t => t.StartsWith("Total cost:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_I_118_CS()
    {
        // I12.FR.01/10/11/13: energy, charging time and idle time with stacked taxes, no conditions.
        var tariff = """{"tariffId":"T118","currency":"EUR","energy":{"prices":[{"priceKwh":0.30}],"taxRates":[{"type":"vat","tax":20}]},"chargingTime":{"prices":[{"priceMinute":0.10}]},"fixedFee":{"prices":[{"priceFixed":1.00}],"taxRates":[{"type":"vat","tax":10}]}}""";
        await using var s = await ChargingAsync(tariff);
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        var ended = await StopAsync(s);
        var cost = ended.GetProperty("costDetails").GetProperty("totalCost");
        Assert.Equal(1.00m, cost.GetProperty("fixed").GetProperty("exclTax").GetDecimal());
        Assert.Equal(1.10m, cost.GetProperty("fixed").GetProperty("inclTax").GetDecimal());
        var energy = cost.GetProperty("energy");
        Assert.Equal(Math.Round(energy.GetProperty("exclTax").GetDecimal() * 1.2m, 4), energy.GetProperty("inclTax").GetDecimal(), 3);
        var usage = ended.GetProperty("costDetails").GetProperty("totalUsage");
        Assert.InRange(usage.GetProperty("chargingTime").GetInt32(), 240, 400);
        var parts = new[] { "fixed", "energy", "chargingTime" }.Sum(p => cost.GetProperty(p).GetProperty("exclTax").GetDecimal());
        Assert.Equal(parts, cost.GetProperty("total").GetProperty("exclTax").GetDecimal());
    }

    [Fact]
    public async Task TC_I_121_CS()
    {
        // A short session under minCost is billed minCost (typeOfCost MinCost).
        var tariff = """{"tariffId":"T121","currency":"EUR","energy":{"prices":[{"priceKwh":0.30}]},"minCost":{"exclTax":5.00}}""";
        await using var s = await ChargingAsync(tariff);
        await s.Rig.RunForAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        var cost = (await StopAsync(s)).GetProperty("costDetails").GetProperty("totalCost");
        Assert.Equal("MinCost", cost.GetProperty("typeOfCost").GetString());
        Assert.Equal(5.00m, cost.GetProperty("total").GetProperty("exclTax").GetDecimal());
    }

    [Fact]
    public async Task TC_I_116_CS()
    {
        // I11.FR.06-08: Accepted, TransactionEvent TariffChanged with the new tariffId, a new charging period from then on.
        await using var s = await ChargingAsync(TariffStation.Tariff("Old"));
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        var txId = s.Rig.Manager.GetTransactionId(1)!;
        Assert.Equal("Accepted", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{TariffStation.Tariff("New")}}}"""));
        var changed = await s.EventAsync(e => e.Trigger() == "TariffChanged");
        Assert.Equal("New", changed.GetProperty("transactionInfo").GetProperty("tariffId").GetString());
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        var periods = (await StopAsync(s)).GetProperty("costDetails").GetProperty("chargingPeriods");
        Assert.Equal(["Old", "New"], periods.EnumerateArray().Select(p => p.GetProperty("tariffId").GetString()).Distinct());
    }

    [Fact]
    public async Task TC_I_117_CS()
    {
        // I11.FR.04 TxNotFound, I11.FR.05 NoCurrencyChange, I11.FR.05 Rejected for an invalid tariff.
        await using var s = await ChargingAsync(TariffStation.Tariff("EurTariff"));
        var txId = s.Rig.Manager.GetTransactionId(1)!;
        Assert.Equal("TxNotFound", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"nope","tariff":{{TariffStation.Tariff("X")}}}"""));
        Assert.Equal("NoCurrencyChange", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{TariffStation.Tariff("Usd", currency: "USD")}}}"""));
        const string negative = """{"tariffId":"Neg","currency":"EUR","energy":{"prices":[{"priceKwh":-1}]}}""";
        Assert.Equal("Rejected", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{negative}}}"""));
        Assert.DoesNotContain(s.Rig.Events, e => e.Trigger() == "TariffChanged");
    }

    [Fact]
    public async Task TC_I_113_CS()
    {
        // I11.FR.02: too many elements → TooManyElements; the old tariff stays.
        await using var s = await ChargingAsync(TariffStation.Tariff("Keep"));
        var txId = s.Rig.Manager.GetTransactionId(1)!;
        var max = Station.DeviceModel.DeviceModelCatalog.TariffMaxElements;
        Assert.Equal("TooManyElements", await s.StatusOf("ChangeTransactionTariff", $$"""{"transactionId":"{{txId}}","tariff":{{TariffStation.Tariff("Big", energyPrices: max + 1)}}}"""));
        Assert.Equal("Keep", s.Module.CostOf(txId)?.TariffId);
    }

    [Fact]
    public async Task TC_I_111_CS()
    {
        // I10.FR.07: clearing the default tariff in use keeps it for the running transaction.
        await using var s = await ChargingAsync(TariffStation.Tariff("InUse"));
        var cleared = await s.CallAsync("ClearTariffs", "{}");
        Assert.Equal("Accepted", cleared.GetProperty("clearTariffsResult")[0].GetProperty("status").GetString());
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        var ended = await StopAsync(s);
        Assert.Equal("InUse", ended.GetProperty("costDetails").GetProperty("chargingPeriods")[0].GetProperty("tariffId").GetString());
    }

    [Fact]
    public async Task I12_FR_02_RunningCost_EveryCostInterval()
    {
        // I12.FR.02/03: RunningCost events with costDetails without chargingPeriods (errata 2.14).
        await using var s = await ChargingAsync(TariffStation.Tariff("R1"), new Dictionary<string, string>
        {
            ["TariffCostCtrlr.Enabled[RunningCost]"] = "true",
            ["TariffCostCtrlr.Interval[Cost]"] = "30",
        });
        await s.Rig.RunForAsync(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1));
        var running = await s.EventAsync(e => e.Trigger() == "RunningCost");
        Assert.True(running.TryGetProperty("costDetails", out var details));
        Assert.False(details.TryGetProperty("chargingPeriods", out _));
        Assert.NotNull(s.Module.RunningCostOf(1));
    }

    [Fact]
    public async Task TC_I_02_CS()
    {
        // I03.FR.03: the total cost of the Ended answer is shown (CSMS central cost, no tariff installed).
        await using var s = await ChargingAsync();
        s.Rig.Csms.Respond("TransactionEvent", e => e.GetProperty("eventType").GetString() == "Ended" ? """{"totalCost":12.34}""" : "{}");
        await StopAsync(s);
        await TariffStation.EventuallyAsync(() => s.Screen.Texts.Contains("Total cost: 12.34 EUR"));
    }

    [Fact]
    public async Task TC_I_01_CS()
    {
        // I02.FR.02/03: CostUpdated is answered and the running cost shown.
        await using var s = await ChargingAsync();
        var txId = s.Rig.Manager.GetTransactionId(1)!;
        await s.CallAsync("CostUpdated", $$"""{"totalCost":3.21,"transactionId":"{{txId}}"}""");
        Assert.Contains("Cost so far: 3.21 EUR", s.Screen.Texts);
        Assert.Equal(3.21m, s.Module.RunningCostOf(1)?.Total);
    }
}
