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

    [Fact]
    public async Task TC_K_124_CS()
    {
        // No Dynamic Tx(Default)Profile with operationMode ExternalLimits is configured, so an EMS's single-value limit
        // becomes a Dynamic ChargingStationExternalConstraints profile with one period (K29.FR.04).
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.True(await cs.Module.External.SetLimitAsync(0, "EMS", 16, ChargingRateUnitEnumType.A, isGridCritical: null, CancellationToken.None));
        var first = await ExternalProfileAsync(cs, 1);
        Assert.Equal("Dynamic", first.GetProperty("chargingProfileKind").GetString());
        var period = Assert.Single(first.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod").EnumerateArray());
        Assert.Equal((0, 16m), (period.GetProperty("startPeriod").GetInt32(), period.GetProperty("limit").GetDecimal()));
        Assert.Equal(cs.H.Time.GetUtcNow(), first.GetProperty("dynUpdateTime").GetDateTimeOffset());
        Assert.Equal(16, cs.Module.Limits.LimitFor(1).CurrentLimitA);

        // K29.FR.05/06: an update changes the limit of the same profile and its dynUpdateTime.
        cs.H.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await cs.Module.External.SetLimitAsync(0, "EMS", 10, ChargingRateUnitEnumType.A, isGridCritical: null, CancellationToken.None));
        var second = await ExternalProfileAsync(cs, 2);
        Assert.Equal(first.GetProperty("id").GetInt32(), second.GetProperty("id").GetInt32());
        Assert.Equal(10m, second.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());
        Assert.Equal(cs.H.Time.GetUtcNow(), second.GetProperty("dynUpdateTime").GetDateTimeOffset());
        Assert.Equal(10, cs.Module.Limits.LimitFor(1).CurrentLimitA);
        Assert.Single(cs.Module.Profiles.All);

        // The limit is the external system's: the CSMS cannot push an update into it.
        var externalId = second.GetProperty("id").GetInt32();
        var update = await cs.CallAsync("UpdateDynamicSchedule", "{\"scheduleUpdate\":{\"limit\":32},\"chargingProfileId\":" + externalId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");
        Assert.Equal("Rejected", update.GetProperty("status").GetString());
        Assert.Equal(10, cs.Module.Limits.LimitFor(1).CurrentLimitA);
    }

    [Fact]
    public async Task TC_K_125_CS()
    {
        // Dynamic charging profile configured (SC-10; the OCTT scenario is not published, derived from K29.FR.03/05/06): the
        // CSMS set a Dynamic TxDefaultProfile with operationMode ExternalLimits, so the EMS's limit becomes the limit of
        // that profile instead of a ChargingStationExternalConstraints profile.
        await using var cs = await SmartChargingStation.StartAsync();
        var dynamic = ProfileJson.Profile(160, "TxDefaultProfile", kind: "Dynamic", limit: 32, startSchedule: null, duration: null, extraPeriod: ",\"operationMode\":\"ExternalLimits\"");
        Assert.Equal("Accepted", await cs.SetAsync(1, dynamic));
        Assert.Equal(32, cs.Module.Limits.LimitFor(1).CurrentLimitA);

        cs.H.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await cs.Module.External.SetLimitAsync(1, "EMS", 10, ChargingRateUnitEnumType.A, isGridCritical: null, CancellationToken.None));
        Assert.Equal(10, cs.Module.Limits.LimitFor(1).CurrentLimitA);
        Assert.DoesNotContain(cs.Module.Profiles.All, p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.ChargingStationExternalConstraints);

        var (_, reports) = await cs.GetProfilesAsync(30, """{"chargingProfileId":[160]}""");
        var profile = Assert.Single(reports).GetProperty("chargingProfile")[0];
        Assert.Equal("TxDefaultProfile", profile.GetProperty("chargingProfilePurpose").GetString());
        var period = profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0];
        Assert.Equal((10m, "ExternalLimits"), (period.GetProperty("limit").GetDecimal(), period.GetProperty("operationMode").GetString()));
        Assert.Equal(cs.H.Time.GetUtcNow(), profile.GetProperty("dynUpdateTime").GetDateTimeOffset());

        // The next EMS value updates the same profile again (K29.FR.05/06).
        cs.H.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await cs.Module.External.SetLimitAsync(1, "EMS", 14, ChargingRateUnitEnumType.A, isGridCritical: null, CancellationToken.None));
        Assert.Equal(14, cs.Module.Limits.LimitFor(1).CurrentLimitA);
        Assert.Equal(14m, cs.Module.Profiles.Find(160)!.Profile.ChargingSchedule[0].ChargingSchedulePeriod[0].Limit);
        Assert.Equal(cs.H.Time.GetUtcNow(), cs.Module.Profiles.Find(160)!.Profile.DynUpdateTime);

        // Another EVSE has no such profile: there the EMS limit is a ChargingStationExternalConstraints profile (K29.FR.04).
        Assert.True(await cs.Module.External.SetLimitAsync(2, "EMS", 12, ChargingRateUnitEnumType.A, isGridCritical: null, CancellationToken.None));
        Assert.Contains(cs.Module.Profiles.All, p => p.EvseId == 2 && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.ChargingStationExternalConstraints);
    }

    [Fact]
    public async Task ExternalLimitsOperationMode_OnlyInADynamicTxOrTxDefaultProfile()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var absolute = ProfileJson.Profile(161, "TxDefaultProfile", limit: 16, extraPeriod: ",\"operationMode\":\"ExternalLimits\"");
        Assert.Equal("Rejected", await cs.SetAsync(1, absolute));
        Assert.Equal("Rejected", await cs.SetAsync(0, ProfileJson.Profile(162, "ChargingStationMaxProfile", kind: "Dynamic", limit: 16, startSchedule: null, duration: null, extraPeriod: ",\"operationMode\":\"ExternalLimits\"")));
    }

    [Fact]
    public async Task TC_K_110_CS()
    {
        // MaxExternalConstraintsId validations (K01.FR.80-82, K01.FR.22, K01.FR.05).
        await using var cs = await SmartChargingStation.StartAsync();
        var set = await cs.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"MaxExternalConstraintsId"},"attributeValue":"50"}]}""");
        Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        foreach (var id in new[] { 1, 49, 50 })
        {
            var low = await cs.SetWithInfoAsync(0, ProfileJson.Max(id, limit: 20));
            Assert.Equal(("Rejected", "InvalidProfileId"), (low.GetProperty("status").GetString(), low.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        }

        Assert.Equal("Accepted", await cs.SetAsync(0, ProfileJson.Max(51, limit: 20)));

        // The CSMS never sets ChargingStationExternalConstraints itself.
        Assert.Equal("Rejected", await cs.SetAsync(0, ProfileJson.Profile(52, "ChargingStationExternalConstraints", limit: 10)));

        // The station's own external-constraints profile takes an id at or below the maximum ...
        Assert.True(await cs.Module.External.SetAsync(0, "EMS", Schedule(12), isGridCritical: null, CancellationToken.None));
        var external = cs.Module.Profiles.All.Single(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.ChargingStationExternalConstraints);
        Assert.True(external.Id <= 50, external.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // ... and the CSMS cannot replace it under its id.
        var replace = await cs.SetWithInfoAsync(0, ProfileJson.Max(external.Id, limit: 32));
        Assert.Equal("Rejected", replace.GetProperty("status").GetString());
        Assert.Equal(12, cs.Module.Limits.LimitFor(1).CurrentLimitA);
    }

    private static async Task<System.Text.Json.JsonElement> ExternalProfileAsync(SmartChargingStation cs, int requestId)
    {
        var (status, reports) = await cs.GetProfilesAsync(requestId, """{"chargingProfilePurpose":"ChargingStationExternalConstraints"}""");
        Assert.Equal("Accepted", status);
        var report = Assert.Single(reports);
        Assert.Equal("EMS", report.GetProperty("chargingLimitSource").GetString());
        return Assert.Single(report.GetProperty("chargingProfile").EnumerateArray());
    }
}
