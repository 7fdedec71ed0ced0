using System.Text.Json;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Serialization;
using ChargerController.Station.Tariffs;

namespace ChargerController.Station.Tests.Tariffs;

/// <summary>Reservation costs of the local cost calculation (I12.FR.06-08, I12.FR.14/17).</summary>
public sealed class CostAccumulatorReservationTests
{
    private static readonly DateTimeOffset Start = new(2025, 4, 5, 17, 30, 0, TimeSpan.Zero); // a Saturday

    private const string Tariff = """
        {"tariffId":"R","currency":"EUR","energy":{"prices":[{"priceKwh":0.25}]},
         "reservationTime":{"prices":[{"priceMinute":0.20,"conditions":{"startTimeOfDay":"18:00","endTimeOfDay":"20:00"}},{"priceMinute":0.05}]},
         "reservationFixed":{"prices":[{"priceFixed":1.50,"conditions":{"dayOfWeek":["Saturday","Sunday"]}},{"priceFixed":1.00}],"taxRates":[{"type":"vat","tax":10}]}}
        """;

    private static TariffType Parse(string json) => JsonSerializer.Deserialize(json, OcppJsonContext.Default.TariffType)!;

    [Fact]
    public void ApplyReservation_FirstApplicablePrices_InTotal()
    {
        var acc = new CostAccumulator(Parse(Tariff), Start, 1000, TimeZoneInfo.Utc);
        acc.ApplyReservation(Start.AddMinutes(-30));
        acc.ApplyReservation(Start.AddHours(-5));
        acc.Advance(Start.AddHours(1), 3000, charging: true);
        var details = acc.Build(true);

        // 17:30 is outside 18:00-20:00: the fallback 0.05/min for 30 min; the weekend fixed fee with 10 % VAT; applied once.
        Assert.Equal(1800, details.TotalUsage.ReservationTime);
        Assert.Equal(1.50m, details.TotalCost.ReservationTime!.ExclTax);
        Assert.Equal((1.50m, 1.65m), (details.TotalCost.ReservationFixed!.ExclTax, details.TotalCost.ReservationFixed.InclTax));
        Assert.Equal(0.50m + 1.50m + 1.50m, details.TotalCost.Total.ExclTax);
        Assert.Null(details.FailureToCalculate);
    }

    [Fact]
    public void ApplyReservation_UnknownReservationTime_FixedBilled_FailureReported()
    {
        var acc = new CostAccumulator(Parse(Tariff), Start, 1000, TimeZoneInfo.Utc);
        acc.ApplyReservation(null);
        var details = acc.Build(false);
        Assert.Equal(1.50m, details.TotalCost.ReservationFixed!.ExclTax);
        Assert.Equal(0m, details.TotalCost.ReservationTime!.ExclTax);
        Assert.True(details.FailureToCalculate);
        Assert.NotNull(details.FailureReason);
    }

    [Fact]
    public void NoReservation_NoReservationParts()
    {
        var acc = new CostAccumulator(Parse(Tariff), Start, 1000, TimeZoneInfo.Utc);
        acc.Advance(Start.AddMinutes(10), 2000, charging: true);
        var details = acc.Build(true);
        Assert.Null(details.TotalCost.ReservationTime);
        Assert.Null(details.TotalCost.ReservationFixed);
        Assert.Null(details.TotalUsage.ReservationTime);
    }

    [Fact]
    public void Snapshot_KeepsReservationCosts()
    {
        var acc = new CostAccumulator(Parse(Tariff), Start, 1000, TimeZoneInfo.Utc);
        acc.ApplyReservation(Start.AddMinutes(-10));
        var json = JsonSerializer.Serialize(acc.ToSnapshot(), TariffJsonContext.Default.CostSnapshot);
        var restored = CostAccumulator.Restore(Parse(Tariff), JsonSerializer.Deserialize(json, TariffJsonContext.Default.CostSnapshot)!, TimeZoneInfo.Utc);

        // Restored once more after a restart: nothing is billed twice.
        restored.ApplyReservation(Start.AddHours(-1));
        var details = restored.Build(false);
        Assert.Equal(600, details.TotalUsage.ReservationTime);
        Assert.Equal(0.50m, details.TotalCost.ReservationTime!.ExclTax);
        Assert.Equal(1.50m, details.TotalCost.ReservationFixed!.ExclTax);
    }
}
