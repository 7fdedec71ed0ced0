using System.Text.Json;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>K08 GetCompositeSchedule.</summary>
public sealed class CompositeScheduleTests
{
    [Fact]
    public async Task TC_K_39_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var answer = await cs.CompositeAsync(0, 300);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        var schedule = answer.GetProperty("schedule");
        Assert.Equal(0, schedule.GetProperty("evseId").GetInt32());
        Assert.Equal(300, schedule.GetProperty("duration").GetInt32());
        Assert.Equal("A", schedule.GetProperty("chargingRateUnit").GetString());
        Assert.Equal("2025-01-01T12:00:00Z", schedule.GetProperty("scheduleStart").GetString());
        Assert.Equal([(0, 64m)], Periods(schedule)); // no profile: the station maximum (2 × 32 A)
    }

    [Fact]
    public async Task TC_K_40_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(501, "TxDefaultProfile", stackLevel: 0, limit: 16, duration: 600)));
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(502, "TxDefaultProfile", stackLevel: 1, limit: 10, startSchedule: "2025-01-01T12:01:00Z", duration: 180)));
        var schedule = (await cs.CompositeAsync(1, 900)).GetProperty("schedule");
        Assert.Equal([(0, 16m), (60, 10m), (240, 16m), (600, 32m)], Periods(schedule));
    }

    [Fact]
    public async Task TC_K_41_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        var maxPeriods = """[{"startPeriod":0,"limit":20,"numberPhases":3},{"startPeriod":300,"limit":8,"numberPhases":3}]""";
        Assert.Equal("Accepted", await cs.SetAsync(0, Profile(503, "ChargingStationMaxProfile", periods: maxPeriods)));
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(504, "TxDefaultProfile", limit: 12)));
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(505, "TxProfile", limit: 25, duration: 120, extraProfile: ",\"transactionId\":\"tx-1\"")));

        // 0-120 Tx 25 capped by Max 20; 120-300 TxDefault 12; 300- Max 8.
        Assert.Equal([(0, 20m), (120, 12m), (300, 8m)], Periods((await cs.CompositeAsync(1, 600)).GetProperty("schedule")));

        // The same in W at 230 V on three phases.
        Assert.Equal([(0, 13800m), (120, 8280m), (300, 5520m)], Periods((await cs.CompositeAsync(1, 600, "W")).GetProperty("schedule")));
    }

    [Fact]
    public async Task TC_K_47_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var answer = await cs.CompositeAsync(3, 300);
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.False(answer.TryGetProperty("schedule", out _));
    }

    private static (int, decimal)[] Periods(JsonElement schedule) =>
        [.. schedule.GetProperty("chargingSchedulePeriod").EnumerateArray().Select(p => (p.GetProperty("startPeriod").GetInt32(), p.GetProperty("limit").GetDecimal()))];
}
