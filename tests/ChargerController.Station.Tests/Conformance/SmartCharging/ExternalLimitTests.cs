using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>K11-K13: limits from a local EMS become ChargingStationExternalConstraints, reported to the CSMS.</summary>
public sealed class ExternalLimitTests
{
    private static ChargingScheduleType Schedule(decimal limit) =>
        new() { Id = 1, ChargingRateUnit = ChargingRateUnitEnumType.A, ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = limit }] };

    [Fact]
    public async Task TC_K_52_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.True(await cs.Module.External.SetAsync(0, "EMS", Schedule(16), isGridCritical: false, CancellationToken.None));

        var notify = await cs.H.WaitForCallsAsync("NotifyChargingLimit", 1);
        Assert.Equal("EMS", notify.GetProperty("chargingLimit").GetProperty("chargingLimitSource").GetString());
        Assert.False(notify.TryGetProperty("chargingSchedule", out _)); // NotifyChargingLimitWithSchedules is false

        var (status, reports) = await cs.GetProfilesAsync(1, """{"chargingProfilePurpose":"ChargingStationExternalConstraints"}""");
        Assert.Equal("Accepted", status);
        var report = Assert.Single(reports);
        Assert.Equal("EMS", report.GetProperty("chargingLimitSource").GetString());
        var profile = report.GetProperty("chargingProfile")[0];
        Assert.True(profile.GetProperty("id").GetInt32() <= 0); // K01.FR.82: at or below MaxExternalConstraintsId (0)

        // The external limit caps both EVSEs and the station.
        Assert.Equal(16, cs.Module.Limits.LimitFor(1).CurrentLimitA);
        Assert.Equal(16, cs.Module.Limits.StationBudgetA);
    }

    [Fact]
    public async Task ExternalLimit_ChangeWithSchedule_ThenRelease_ClearedChargingLimit()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var set = await cs.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"NotifyChargingLimitWithSchedules"},"attributeValue":"true"}]}""");
        Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        cs.H.Transactions.Start(1);

        Assert.True(await cs.Module.External.SetAsync(1, "SO", Schedule(10), isGridCritical: true, CancellationToken.None));
        var first = await cs.H.WaitForCallsAsync("NotifyChargingLimit", 1);
        Assert.True(first.GetProperty("chargingLimit").GetProperty("isGridCritical").GetBoolean());
        Assert.Equal(1, first.GetProperty("evseId").GetInt32());
        Assert.Equal(10m, first.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());
        Assert.Equal(10, cs.Module.Limits.LimitFor(1).CurrentLimitA);

        // Same limit again: below LimitChangeSignificance, no second notification; the profile keeps its id.
        var id = Assert.Single(cs.Module.Profiles.All).Id;
        Assert.True(await cs.Module.External.SetAsync(1, "SO", Schedule(10), isGridCritical: true, CancellationToken.None));
        Assert.Equal(id, Assert.Single(cs.Module.Profiles.All).Id);
        Assert.Single(cs.H.Calls("NotifyChargingLimit"));

        Assert.True(await cs.Module.External.ClearAsync(1, "SO", CancellationToken.None));
        var cleared = await cs.H.WaitForCallsAsync("ClearedChargingLimit", 1);
        Assert.Equal("SO", cleared.GetProperty("chargingLimitSource").GetString());
        Assert.Equal(1, cleared.GetProperty("evseId").GetInt32());
        Assert.Equal(32, cs.Module.Limits.LimitFor(1).CurrentLimitA);
        Assert.False(await cs.Module.External.ClearAsync(1, "SO", CancellationToken.None));
    }

    [Fact]
    public async Task TC_K_120_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.True(await cs.Module.External.SetAsync(0, "EMS", Schedule(10), isGridCritical: null, CancellationToken.None));
        var generation = ProfileJson.Profile(601, "LocalGeneration", limit: 6);
        Assert.Equal("Accepted", await cs.SetAsync(0, generation));

        // K08.FR.04: LocalGeneration capacity adds on top of the merged limit: 10 + 6.
        Assert.Equal(16, cs.Module.Limits.LimitFor(1).CurrentLimitA);
        var (_, reports) = await cs.GetProfilesAsync(2, """{"chargingProfilePurpose":"LocalGeneration"}""");
        Assert.Equal(601, Assert.Single(reports).GetProperty("chargingProfile")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ExternalControlSignalsDisabled_LimitIgnored()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        await cs.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"ExternalControlSignalsEnabled"},"attributeValue":"false"}]}""");
        Assert.False(await cs.Module.External.SetAsync(0, "EMS", Schedule(6), isGridCritical: null, CancellationToken.None));
        Assert.Empty(cs.Module.Profiles.All);
    }
}
