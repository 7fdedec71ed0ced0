using System.Globalization;
using ChargerController.Station.Evse;
using ChargerController.Station.Tests.Conformance.Transactions;

namespace ChargerController.Station.Tests.Conformance.I;

/// <summary>
/// Reservation costs in the cost details (OCA TC_I_120, OCPP 2.1, certification profile "Reservation supported"), with the
/// real reservation block (H) over the same WebSocket. The step-by-step scenario is not available: the test follows
/// I12.FR.06-08 and I12.FR.17.
/// </summary>
public sealed class ReservationCostTests
{
    private const string Tariff = """
        {"tariffId":"T120","currency":"EUR","energy":{"prices":[{"priceKwh":0.25}]},
         "reservationTime":{"prices":[{"priceMinute":0.10}],"taxRates":[{"type":"vat","tax":20}]},
         "reservationFixed":{"prices":[{"priceFixed":3.00,"conditions":{"dayOfWeek":["Sunday"]}},{"priceFixed":2.00}]}}
        """;

    [Fact]
    public async Task TC_I_120_CS()
    {
        await using var s = await TariffStation.StartAsync(reservations: true);
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{Tariff}}}"""));
        var expiry = s.Rig.Harness.Time.GetUtcNow().AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.Equal("Accepted", await s.StatusOf("ReserveNow", $$"""{"id":7,"expiryDateTime":"{{expiry}}","idToken":{"idToken":"CARD1","type":"ISO14443"},"evseId":1}"""));
        var reservedAt = s.Rig.Harness.Time.GetUtcNow();
        Assert.Single(s.Reservations!.Reservations);

        // Ten minutes later the driver arrives and uses the reservation (H03): the Started event carries its id.
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(2));
        await s.Rig.PlugAsync();
        var tapped = await s.Rig.TapAsync("CARD1");
        Assert.True(tapped.Session is not null, $"card refused: {tapped.Reason}");
        await s.Rig.RunUntilAsync(() => s.Rig.Controllers[0].Snapshot.ChargingState == EvseChargingState.Charging && s.Rig.Manager.GetTransactionId(1) is not null);
        var started = await s.EventAsync(e => e.EventType() == "Started");
        Assert.Equal(7, started.GetProperty("reservationId").GetInt32());
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        var ended = await TariffConditionTests.StopAsync(s);

        var details = ended.GetProperty("costDetails");
        var cost = details.GetProperty("totalCost");

        // I12.FR.07: reservation time from the ReserveNow until the start of the transaction, billed per minute.
        var startedAt = DateTimeOffset.Parse(started.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
        var seconds = (int)Math.Round((startedAt - reservedAt).TotalSeconds, MidpointRounding.AwayFromZero);
        Assert.InRange(seconds, 600, 900);
        Assert.Equal(seconds, details.GetProperty("totalUsage").GetProperty("reservationTime").GetInt32());
        var timeCost = cost.GetProperty("reservationTime");
        Assert.Equal(Math.Round(seconds / 60m * 0.10m, 4), timeCost.GetProperty("exclTax").GetDecimal());
        Assert.Equal(Math.Round(seconds / 60m * 0.10m * 1.2m, 4), timeCost.GetProperty("inclTax").GetDecimal());

        // I12.FR.08: the first reservationFixed price whose conditions hold at the start (2025-01-01 is a Wednesday).
        Assert.Equal(2.00m, cost.GetProperty("reservationFixed").GetProperty("exclTax").GetDecimal());

        // I12.FR.17: the total includes the reservation parts.
        var parts = new[] { "energy", "reservationTime", "reservationFixed" }.Sum(p => cost.GetProperty(p).GetProperty("exclTax").GetDecimal());
        Assert.Equal(parts, cost.GetProperty("total").GetProperty("exclTax").GetDecimal());

        // The reservation time was known (a meter read that timed out on a loaded machine may mark the breakdown, not this).
        Assert.False(details.TryGetProperty("failureReason", out var reason) && reason.GetString()!.Contains("reservation", StringComparison.Ordinal), reason.ToString());
        Assert.Empty(s.Reservations.Reservations);
    }

    [Fact]
    public async Task I12_FR_06_TransactionWithoutReservation_NoReservationCost()
    {
        // I12.FR.06: reservation costs only for a transaction authorized through a reservation.
        await using var s = await TariffStation.StartAsync(reservations: true);
        Assert.Equal("Accepted", await s.StatusOf("SetDefaultTariff", $$"""{"evseId":0,"tariff":{{Tariff}}}"""));
        await s.Rig.PlugAsync();
        await s.Rig.TapAsync("CARD1");
        await s.Rig.RunUntilAsync(() => s.Rig.Controllers[0].Snapshot.ChargingState == EvseChargingState.Charging);
        await s.Rig.RunForAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        var details = (await TariffConditionTests.StopAsync(s)).GetProperty("costDetails");
        var cost = details.GetProperty("totalCost");
        Assert.False(cost.TryGetProperty("reservationTime", out _));
        Assert.False(cost.TryGetProperty("reservationFixed", out _));
        Assert.False(details.GetProperty("totalUsage").TryGetProperty("reservationTime", out _));
        Assert.Equal(cost.GetProperty("energy").GetProperty("exclTax").GetDecimal(), cost.GetProperty("total").GetProperty("exclTax").GetDecimal());
    }
}
