using ChargerController.Station.SmartCharging.Profiles;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>K01 SetChargingProfile over the WebSocket (OCA Part 6 block K, Charging Station side).</summary>
public sealed class SetChargingProfileTests
{
    [Fact]
    public async Task TC_K_01_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(101)));
        var (status, reports) = await cs.GetProfilesAsync(7, """{"chargingProfileId":[101]}""");
        Assert.Equal("Accepted", status);
        var report = Assert.Single(reports);
        Assert.Equal(1, report.GetProperty("evseId").GetInt32());
        Assert.Equal("CSO", report.GetProperty("chargingLimitSource").GetString());
        var profile = Assert.Single(report.GetProperty("chargingProfile").EnumerateArray());
        Assert.Equal(101, profile.GetProperty("id").GetInt32());
        Assert.Equal("TxDefaultProfile", profile.GetProperty("chargingProfilePurpose").GetString());
        Assert.Equal(6m, profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());
    }

    [Fact]
    public async Task TC_K_10_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(0, TxDefault(102)));
        var (_, reports) = await cs.GetProfilesAsync(8, """{"chargingProfileId":[102]}""");
        Assert.Equal(0, Assert.Single(reports).GetProperty("evseId").GetInt32());

        // K01.FR.14: applied (not copied) to every EVSE.
        Assert.Equal(6, cs.Module.Limits.LimitFor(1).GetCurrentLimitA(cs.H.Time.GetUtcNow()));
        Assert.Equal(6, cs.Module.Limits.LimitFor(2).GetCurrentLimitA(cs.H.Time.GetUtcNow()));
    }

    [Fact]
    public async Task TC_K_60_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        Assert.Equal("Accepted", await cs.SetAsync(1, Tx(103, "tx-1", limit: 10)));
        Assert.Equal(10, cs.Module.Limits.LimitFor(1).GetCurrentLimitA(cs.H.Time.GetUtcNow()));
        Assert.Equal(32, cs.Module.Limits.LimitFor(2).GetCurrentLimitA(cs.H.Time.GetUtcNow())); // the rating: no profile on EVSE 2
    }

    [Fact]
    public async Task TC_K_02_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var answer = await cs.SetWithInfoAsync(1, Tx(104, "UNKNOWN-TRANSACTION-ID"));
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Equal("TxNotFound", answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task TC_K_11_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        Assert.Equal("Rejected", await cs.SetAsync(0, Tx(105, "tx-1")));
    }

    [Fact]
    public async Task TC_K_03_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(0, Max(106)));
        var (_, reports) = await cs.GetProfilesAsync(9, """{"chargingProfileId":[106]}""");
        var report = Assert.Single(reports);
        Assert.Equal(0, report.GetProperty("evseId").GetInt32());
        Assert.Equal("ChargingStationMaxProfile", report.GetProperty("chargingProfile")[0].GetProperty("chargingProfilePurpose").GetString());
    }

    [Fact]
    public async Task TC_K_19_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var daily = Profile(107, "TxDefaultProfile", kind: "Recurring", limit: 8, startSchedule: "2024-12-31T11:00:00Z", duration: 7200, extraProfile: ",\"recurrencyKind\":\"Daily\"");
        Assert.Equal("Accepted", await cs.SetAsync(1, daily));

        // Daily from 11:00 for 2 h: at 12:00 the second hour of today's occurrence runs.
        var composite = await cs.CompositeAsync(1, 7200);
        var periods = composite.GetProperty("schedule").GetProperty("chargingSchedulePeriod");
        Assert.Equal((0, 8m), (periods[0].GetProperty("startPeriod").GetInt32(), periods[0].GetProperty("limit").GetDecimal()));
        Assert.Equal((3600, 32m), (periods[1].GetProperty("startPeriod").GetInt32(), periods[1].GetProperty("limit").GetDecimal()));

        var missing = await cs.SetWithInfoAsync(1, Profile(108, "TxDefaultProfile", stackLevel: 1, kind: "Recurring"));
        Assert.Equal("Rejected", missing.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TC_K_13_CS()
    {
        var store = new InMemoryChargingProfileStore();
        await using var cs = await SmartChargingStation.StartAsync(store);
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(109, limit: 10)));
        await cs.H.RestartAsync(Ocpp.Enums.BootReasonEnumType.PowerUp);
        cs.H.Csms.Respond("ReportChargingProfiles", "{}");
        var (status, reports) = await cs.GetProfilesAsync(10, """{"chargingProfileId":[109]}""");
        Assert.Equal("Accepted", status);
        Assert.Equal(109, Assert.Single(reports).GetProperty("chargingProfile")[0].GetProperty("id").GetInt32());
        Assert.Equal(10, cs.Module.Limits.LimitFor(1).GetCurrentLimitA(cs.H.Time.GetUtcNow()));
    }

    [Fact]
    public async Task TC_K_105_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(0, Max(110, limit: 16)));
        await cs.H.RestartAsync(Ocpp.Enums.BootReasonEnumType.PowerUp);
        var composite = await cs.CompositeAsync(0, 300);
        Assert.Equal(16m, composite.GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());
    }

    [Fact]
    public async Task TC_K_14_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var answer = await cs.SetWithInfoAsync(3, TxDefault(111));
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Equal("UnknownEvse", answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task TC_K_28_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(112, limit: 12)));

        // K01.FR.32: the running transaction switches to the new TxDefaultProfile at once.
        Assert.Equal(12, cs.Module.Limits.LimitFor(1).GetCurrentLimitA(cs.H.Time.GetUtcNow()));
    }

    [Fact]
    public async Task TC_K_16_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        cs.H.Transactions.Start(1);
        var answer = await cs.SetWithInfoAsync(1, Tx(113, "tx-2"));
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Equal("TxNotFound", answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task TC_K_21_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var profile = TxDefault(114, limit: 8, extraProfile: ",\"validFrom\":\"2025-01-01T12:01:00Z\"");
        Assert.Equal("Accepted", await cs.SetAsync(1, profile));
        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(32, limit.GetCurrentLimitA(cs.H.Time.GetUtcNow()));
        cs.H.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(8, limit.GetCurrentLimitA(cs.H.Time.GetUtcNow()));
    }

    [Fact]
    public async Task TC_K_22_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var profile = TxDefault(115, limit: 8, extraProfile: ",\"validTo\":\"2025-01-01T12:01:00Z\"");
        Assert.Equal("Accepted", await cs.SetAsync(1, profile));
        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(8, limit.GetCurrentLimitA(cs.H.Time.GetUtcNow()));
        await cs.AdvanceAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(32, limit.CurrentLimitA); // the boundary timer re-evaluated at validTo
    }

    [Fact]
    public async Task TC_K_23_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(116, "TxDefaultProfile", limit: 7, startSchedule: "2025-01-01T12:02:00Z")));
        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(32, limit.CurrentLimitA);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(119));
        Assert.Equal(32, limit.CurrentLimitA);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(7, limit.CurrentLimitA);
    }

    [Fact]
    public async Task TC_K_04_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(117, limit: 6)));
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(117, limit: 10)));
        var (_, reports) = await cs.GetProfilesAsync(11, """{"chargingProfileId":[117]}""");
        var profile = Assert.Single(Assert.Single(reports).GetProperty("chargingProfile").EnumerateArray());
        Assert.Equal(10m, profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());
    }

    [Fact]
    public async Task TC_K_104_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var priority = Profile(118, "PriorityCharging", kind: "Relative", limit: 32, startSchedule: null, duration: null);
        Assert.Equal("Accepted", await cs.SetAsync(1, priority));
        var withDuration = await cs.SetWithInfoAsync(1, Profile(119, "PriorityCharging", stackLevel: 1, kind: "Relative", startSchedule: null, duration: 600));
        Assert.Equal("InvalidSchedule", withDuration.GetProperty("statusInfo").GetProperty("reasonCode").GetString()); // K01.FR.70
    }

    [Fact]
    public async Task TC_K_129_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(120, "PriorityCharging", kind: "Relative", limit: 32, startSchedule: null, duration: null)));
        await cs.H.RestartAsync(Ocpp.Enums.BootReasonEnumType.PowerUp);
        cs.H.Csms.Respond("ReportChargingProfiles", "{}");
        var (status, reports) = await cs.GetProfilesAsync(12, """{"chargingProfilePurpose":"PriorityCharging"}""");
        Assert.Equal("Accepted", status);
        Assert.Equal(120, Assert.Single(reports).GetProperty("chargingProfile")[0].GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData(",\"limitAtSoC\":{\"soc\":80,\"limit\":6}", "")]
    [InlineData("", ",\"evseSleep\":true")]
    public async Task UnsupportedScheduleFeatures_RejectedInvalidSchedule(string schedule, string period)
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var answer = await cs.SetWithInfoAsync(1, TxDefault(121, extraSchedule: schedule, extraPeriod: period));
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Equal("InvalidSchedule", answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task TC_K_134_CS() => await UnsupportedScheduleFeatures_RejectedInvalidSchedule(",\"limitAtSoC\":{\"soc\":80,\"limit\":6}", string.Empty);

    [Fact]
    public async Task TC_K_135_CS() => await UnsupportedScheduleFeatures_RejectedInvalidSchedule(string.Empty, ",\"evseSleep\":true");

    [Theory]
    [InlineData("PriorityCharging")]
    [InlineData("LocalGeneration")]
    public async Task AdditionalPurposeNotConfigured_RejectedUnsupportedPurpose(string purpose)
    {
        // K01.FR.120: SmartCharging:SupportedAdditionalPurposes lists what SupportedAdditionalPurposes reports.
        var offered = purpose == "PriorityCharging" ? "LocalGeneration" : "PriorityCharging";
        var options = SmartChargingStation.DefaultOptions with { SupportedAdditionalPurposes = [offered] };
        await using var cs = await SmartChargingStation.StartAsync(options: options);
        var get = await cs.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"SupportedAdditionalPurposes"}}]}""");
        Assert.Equal(offered, get.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());

        var profile = purpose == "PriorityCharging"
            ? Profile(150, purpose, kind: "Relative", limit: 32, startSchedule: null, duration: null)
            : Profile(150, purpose, limit: 6);
        var answer = await cs.SetWithInfoAsync(purpose == "PriorityCharging" ? 1 : 0, profile);
        Assert.Equal(("Rejected", "UnsupportedPurpose"), (answer.GetProperty("status").GetString(), answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
    }

    [Fact]
    public async Task TC_K_130_CS() => await AdditionalPurposeNotConfigured_RejectedUnsupportedPurpose("PriorityCharging");

    [Fact]
    public async Task TC_K_131_CS() => await AdditionalPurposeNotConfigured_RejectedUnsupportedPurpose("LocalGeneration");

    [Fact]
    public async Task TC_K_109_CS()
    {
        await using var cs = await SmartChargingStation.StartAsync();
        var set = await cs.CallAsync("SetVariables", """{"setVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"MaxExternalConstraintsId"},"attributeValue":"100"}]}""");
        Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        var answer = await cs.SetWithInfoAsync(1, TxDefault(100));
        Assert.Equal("InvalidProfileId", answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString()); // K01.FR.81
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(101)));
    }
}
