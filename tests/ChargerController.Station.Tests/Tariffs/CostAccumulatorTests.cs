using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Tariffs;

namespace ChargerController.Station.Tests.Tariffs;

/// <summary>The local cost calculation (I12): energy, time, idle, fixed, min/max, stacked taxes, conditions, rounding.</summary>
public sealed class CostAccumulatorTests
{
    private static readonly DateTimeOffset Start = new(2025, 4, 5, 17, 30, 0, TimeSpan.Zero); // a Saturday

    private static TariffType Parse(string json) => JsonSerializer.Deserialize(json, OcppJsonContext.Default.TariffType)!;

    private static CostAccumulator Charge(string tariff, TimeSpan duration, double kwh, bool charging = true)
    {
        var acc = new CostAccumulator(Parse(tariff), Start, 1000, TimeZoneInfo.Utc);
        acc.Advance(Start, 1000, charging);
        acc.Advance(Start + duration, 1000 + (kwh * 1000), charging);
        return acc;
    }

    [Fact]
    public void Energy_SimpleKwhTariff_SpecExample()
    {
        // Part 2 I §1.2.1/§1.3: 10 kWh at 0.25 with 6% + 4% (same stack) = 2.50 excl, 2.75 incl.
        var acc = Charge("""{"tariffId":"10","currency":"USD","energy":{"taxRates":[{"type":"federal","tax":6.0},{"type":"state","tax":4.0}],"prices":[{"priceKwh":0.25}]}}""", TimeSpan.FromHours(1), 10);
        var details = acc.Build(true);
        Assert.Equal(2.50m, details.TotalCost.Energy!.ExclTax);
        Assert.Equal(2.75m, details.TotalCost.Energy.InclTax);
        Assert.Equal((2.50m, 2.75m), (details.TotalCost.Total.ExclTax, details.TotalCost.Total.InclTax));
        Assert.Equal(10000m, details.TotalUsage.Energy);
        var period = Assert.Single(details.ChargingPeriods!);
        Assert.Equal("10", period.TariffId);
        Assert.Equal(10000m, period.Dimensions!.Single(d => d.Type == CostDimensionEnumType.Energy).Volume);
    }

    [Fact]
    public void Taxes_Stacked_AppliedInOrder()
    {
        // I12.FR.13: stack 0 on the net, stack 1 on the result: 100 * 1.10 * 1.20 = 132.
        Assert.Equal(132m, TaxMath.InclTax(100m, [new TaxRateType { Type = "energy", Tax = 10 }, new TaxRateType { Type = "vat", Tax = 20, Stack = 1 }]));
        Assert.Equal(2.875m, TaxMath.InclTax(2.50m, [new TaxRateType { Type = "vat", Tax = 15 }]));
        Assert.Equal(7m, TaxMath.InclTax(7m, null));
    }

    [Fact]
    public void FixedAndChargingTime_SpecExample()
    {
        // Part 2 I §1.3 example: fixed 2.50 (15%) + 80 min at 0.025/min (20%) = 4.50 excl, 5.275 incl.
        var acc = Charge("""{"tariffId":"12","currency":"EUR","fixedFee":{"taxRates":[{"type":"vat","tax":15.0}],"prices":[{"priceFixed":2.50}]},"chargingTime":{"taxRates":[{"type":"vat","tax":20.0}],"prices":[{"priceMinute":0.025}]}}""", TimeSpan.FromSeconds(4800), 5);
        var cost = acc.Build(false).TotalCost;
        Assert.Equal((2.50m, 2.875m), (cost.Fixed!.ExclTax, cost.Fixed.InclTax));
        Assert.Equal((2.00m, 2.40m), (cost.ChargingTime!.ExclTax, cost.ChargingTime.InclTax));
        Assert.Equal((4.50m, 5.275m), (cost.Total.ExclTax, cost.Total.InclTax));
        Assert.Null(acc.Build(false).ChargingPeriods);
    }

    [Fact]
    public void IdleTime_NotCharging_CountsIdle()
    {
        var acc = new CostAccumulator(Parse("""{"tariffId":"I","currency":"EUR","idleTime":{"prices":[{"priceMinute":1.00}]},"chargingTime":{"prices":[{"priceMinute":0.10}]}}"""), Start, 0, TimeZoneInfo.Utc);
        acc.Advance(Start, 0, charging: true);
        acc.Advance(Start.AddMinutes(10), 5000, charging: false);
        acc.Advance(Start.AddMinutes(15), 5000, charging: false);
        var details = acc.Build(true);
        Assert.Equal(1.00m, details.TotalCost.ChargingTime!.ExclTax);
        Assert.Equal(5.00m, details.TotalCost.IdleTime!.ExclTax);
        Assert.Equal((600, 300), (details.TotalUsage.ChargingTime, details.TotalUsage.IdleTime));
        Assert.Equal(2, details.ChargingPeriods!.Length);
    }

    [Fact]
    public void TimeOfDay_PeriodSplitAtBoundary()
    {
        // Part 2 I §1.3: starting 17:30 at the evening price, continuing after 18:00 at the day price; energy pro rata.
        var acc = Charge("""{"tariffId":"11","currency":"EUR","energy":{"prices":[{"priceKwh":0.40,"conditions":{"startTimeOfDay":"18:00","endTimeOfDay":"23:00"}},{"priceKwh":0.25}]}}""", TimeSpan.FromHours(1), 10);
        var details = acc.Build(true);
        Assert.Equal(2, details.ChargingPeriods!.Length);
        Assert.Equal(Start.AddMinutes(30), details.ChargingPeriods[1].StartPeriod);
        Assert.Equal((5m * 0.25m) + (5m * 0.40m), details.TotalCost.Energy!.ExclTax);
    }

    [Fact]
    public void DayOfWeek_OtherDay_FallbackPrice()
    {
        var acc = Charge("""{"tariffId":"W","currency":"EUR","energy":{"prices":[{"priceKwh":1.0,"conditions":{"dayOfWeek":["Monday"]}},{"priceKwh":0.5}]}}""", TimeSpan.FromMinutes(30), 2);
        Assert.Equal(1.0m, acc.Build(false).TotalCost.Energy!.ExclTax);
    }

    [Fact]
    public void MinIdleTime_GracePeriod_ExactCut()
    {
        // §1.2.4: idle fee only after 5 minutes idle: 10 minutes idle cost 5 minutes.
        var acc = new CostAccumulator(Parse("""{"tariffId":"G","currency":"EUR","idleTime":{"prices":[{"priceMinute":1.0,"conditions":{"minIdleTime":300}}]}}"""), Start, 0, TimeZoneInfo.Utc);
        acc.Advance(Start, 0, charging: false);
        acc.Advance(Start.AddMinutes(10), 0, charging: false);
        Assert.Equal(5.0m, acc.Build(false).TotalCost.IdleTime!.ExclTax);
    }

    [Fact]
    public void MaxCost_Capped()
    {
        var acc = Charge("""{"tariffId":"M","currency":"EUR","energy":{"prices":[{"priceKwh":1.0}]},"maxCost":{"exclTax":3.0,"taxRates":[{"type":"vat","tax":10}]}}""", TimeSpan.FromHours(1), 10);
        var cost = acc.Build(false).TotalCost;
        Assert.Equal(TariffCostEnumType.MaxCost, cost.TypeOfCost);
        Assert.Equal((3.0m, 3.3m), (cost.Total.ExclTax, cost.Total.InclTax));
    }

    [Fact]
    public void MinCost_Raised()
    {
        var cost = Charge("""{"tariffId":"m","currency":"EUR","energy":{"prices":[{"priceKwh":0.1}]},"minCost":{"exclTax":2.0}}""", TimeSpan.FromMinutes(1), 1).Build(false).TotalCost;
        Assert.Equal((TariffCostEnumType.MinCost, 2.0m), (cost.TypeOfCost, cost.Total.ExclTax));
    }

    [Fact]
    public void Rounding_FourDecimals_HalfAwayFromZero()
    {
        // 1 Wh at 0.33335/kWh = 0.00033335 → 0.0003; the total is the sum of the reported parts (I12.FR.17).
        var acc = Charge("""{"tariffId":"R","currency":"EUR","energy":{"prices":[{"priceKwh":0.33335}]}}""", TimeSpan.FromMinutes(1), 0.001);
        Assert.Equal(0.0003m, acc.Build(false).TotalCost.Energy!.ExclTax);
        Assert.Equal(0.0001m, TaxMath.Report(0.00005m));
    }

    [Fact]
    public void MeterUnreadable_FailureToCalculate()
    {
        var acc = new CostAccumulator(Parse("""{"tariffId":"F","currency":"EUR","energy":{"prices":[{"priceKwh":0.3}]}}"""), Start, 0, TimeZoneInfo.Utc);
        acc.Advance(Start.AddMinutes(5), null, charging: true);
        var details = acc.Build(true);
        Assert.True(details.FailureToCalculate);
        Assert.NotNull(details.FailureReason);
    }

    [Fact]
    public void ChangeTariff_NoRetroactiveCalculation()
    {
        var acc = Charge("""{"tariffId":"A","currency":"EUR","energy":{"prices":[{"priceKwh":0.2}]}}""", TimeSpan.FromHours(1), 10);
        acc.ChangeTariff(Parse("""{"tariffId":"B","currency":"EUR","energy":{"prices":[{"priceKwh":0.5}]}}"""));
        acc.Advance(Start.AddHours(2), 21000, true);
        var details = acc.Build(true);
        Assert.Equal(2.0m + 5.0m, details.TotalCost.Energy!.ExclTax);
        Assert.Equal(["A", "B"], details.ChargingPeriods!.Select(p => p.TariffId));
    }

    [Fact]
    public void Snapshot_RoundTrip_ContinuesCalculation()
    {
        var tariff = """{"tariffId":"S","currency":"EUR","fixedFee":{"prices":[{"priceFixed":1.0}]},"energy":{"prices":[{"priceKwh":0.3}]}}""";
        var acc = Charge(tariff, TimeSpan.FromHours(1), 10);
        var json = JsonSerializer.Serialize(acc.ToSnapshot(), TariffJsonContext.Default.CostSnapshot);
        var restored = CostAccumulator.Restore(Parse(tariff), JsonSerializer.Deserialize(json, TariffJsonContext.Default.CostSnapshot)!, TimeZoneInfo.Utc);
        restored.Advance(Start.AddHours(2), 21000, true);
        var cost = restored.Build(true).TotalCost;
        Assert.Equal(1.0m, cost.Fixed!.ExclTax);
        Assert.Equal(6.0m, cost.Energy!.ExclTax);
    }
}
