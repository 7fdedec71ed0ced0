using ChargerController.Station.SmartCharging;
using ChargerController.Station.Tests.SmartCharging;
using static ChargerController.Station.Tests.Conformance.SmartCharging.ProfileJson;

namespace ChargerController.Station.Tests.Conformance.SmartCharging;

/// <summary>
/// useLocalTime (SC-5). The OCTT scenarios of these 2.1 test cases are not published; each test is derived from the Part 2
/// requirements it names (K01.FR.90/91, K01.FR.123) and the appendix ClockCtrlr variables.
/// </summary>
public sealed class LocalTimeTests
{
    [Fact]
    public async Task TC_K_103_CS()
    {
        // Local time from ClockCtrlr.TimeOffset: startSchedule 14:05 (its "Z" disregarded, K01.FR.90) at +02:00 is 12:05Z.
        await using var cs = await SmartChargingStation.StartAsync();
        Assert.Equal("Accepted", await cs.SetVariableAsync("ClockCtrlr", "TimeOffset", "+02:00"));
        var profile = Profile(140, "TxDefaultProfile", startSchedule: "2025-01-01T14:05:00Z", duration: null, extraSchedule: ",\"useLocalTime\":true", periods: """[{"startPeriod":0,"limit":6},{"startPeriod":600,"limit":10}]""");
        Assert.Equal("Accepted", await cs.SetAsync(1, profile));
        Assert.Equal([(0, 32m), (300, 6m), (900, 10m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 1200)));

        // The profile is reported with its wall-clock start as received.
        var (_, reports) = await cs.GetProfilesAsync(20, """{"chargingProfileId":[140]}""");
        var schedule = Assert.Single(reports).GetProperty("chargingProfile")[0].GetProperty("chargingSchedule")[0];
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 14, 5, 0, TimeSpan.Zero), schedule.GetProperty("startSchedule").GetDateTimeOffset());
        Assert.True(schedule.GetProperty("useLocalTime").GetBoolean());

        // The offset moves to +03:00 at 12:10Z (NextTimeOffsetTransitionDateTime, TimeOffset[NextTransition]): the wall clock
        // jumps from 14:10 to 15:10, so the 10 A period (from 14:15 local) starts at once (K01.FR.91).
        Assert.Equal("Accepted", await cs.SetVariableAsync("ClockCtrlr", "TimeOffset", "+03:00", "NextTransition"));
        Assert.Equal("Accepted", await cs.SetVariableAsync("ClockCtrlr", "NextTimeOffsetTransitionDateTime", "2025-01-01T12:10:00Z"));
        Assert.Equal([(0, 32m), (300, 6m), (600, 10m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 1200)));

        var limit = cs.Module.Limits.LimitFor(1);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(300));
        Assert.Equal(6, limit.CurrentLimitA);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(300));
        Assert.Equal(10, limit.CurrentLimitA);
    }

    [Fact]
    public async Task TC_K_136_CS()
    {
        // Local time from ClockCtrlr.TimeZone (it wins over TimeOffset): daily 13:10-13:20 local in Europe/Amsterdam is
        // 12:10Z in January (CET, +01:00). The zone comes from a resolver built in the test instead of the machine's tzdata.
        await using var cs = await SmartChargingStation.StartAsync(resolveTimeZone: TestZones.Resolver(TestZones.CentralEurope()));
        Assert.Equal("Accepted", await cs.SetVariableAsync("ClockCtrlr", "TimeOffset", "+05:00"));
        Assert.Equal("Accepted", await cs.SetVariableAsync("ClockCtrlr", "TimeZone", "Europe/Amsterdam"));
        Assert.Equal("Europe/Amsterdam", cs.Module.LocalTime.Rules.Description);

        // Set in summer (13:10 CEST = 11:10Z then), it still runs at 13:10 on the wall clock in winter.
        var daily = Profile(141, "TxDefaultProfile", kind: "Recurring", limit: 8, startSchedule: "2024-06-01T13:10:00+02:00", duration: 600, extraProfile: ",\"recurrencyKind\":\"Daily\"", extraSchedule: ",\"useLocalTime\":true");
        Assert.Equal("Accepted", await cs.SetAsync(1, daily));
        Assert.Equal([(0, 32m), (600, 8m), (1200, 32m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 1800)));

        var limit = cs.Module.Limits.LimitFor(1);
        Assert.Equal(32, limit.CurrentLimitA);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(600));
        Assert.Equal(8, limit.CurrentLimitA);
        await cs.AdvanceAsync(TimeSpan.FromSeconds(600));
        Assert.Equal(32, limit.CurrentLimitA);

        // An unknown zone (no such tz entry) falls back to TimeOffset: 13:10 at +05:00 was 08:10Z, long gone today.
        Assert.Equal("Accepted", await cs.SetVariableAsync("ClockCtrlr", "TimeZone", "Atlantis/Capital"));
        Assert.Equal("Atlantis/Capital", cs.Module.LocalTime.UnresolvedZone);
        Assert.Equal([(0, 32m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 1800)));
    }

    [Fact]
    public async Task TC_K_132_CS()
    {
        // useLocalTime unsupported: with SmartCharging:SupportsUseLocalTime false the station reports
        // SupportsFeature[UseLocalTime] = false and rejects useLocalTime (K01.FR.123).
        var options = SmartChargingStation.DefaultOptions with { SupportsUseLocalTime = false };
        await using var cs = await SmartChargingStation.StartAsync(options: options);
        var get = await cs.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"SupportsFeature","instance":"UseLocalTime"}}]}""");
        Assert.Equal("false", get.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
        var answer = await cs.SetWithInfoAsync(1, TxDefault(142, extraSchedule: ",\"useLocalTime\":true"));
        Assert.Equal(("Rejected", "InvalidSchedule"), (answer.GetProperty("status").GetString(), answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        Assert.Equal("Accepted", await cs.SetAsync(1, TxDefault(143, extraSchedule: ",\"useLocalTime\":false")));
    }

    [Fact]
    public async Task UseLocalTimeProfile_PersistsOverReboot_WithItsWallClockStart()
    {
        // K01.FR.27: a TxDefaultProfile survives a reboot; stored with the wall-clock reading it still starts at 14:05 local.
        var store = new Station.SmartCharging.Profiles.InMemoryChargingProfileStore();
        await using var cs = await SmartChargingStation.StartAsync(store);
        Assert.Equal("Accepted", await cs.SetVariableAsync("ClockCtrlr", "TimeOffset", "+02:00"));
        Assert.Equal("Accepted", await cs.SetAsync(1, Profile(144, "TxDefaultProfile", startSchedule: "2025-01-01T14:05:00+05:00", duration: null, extraSchedule: ",\"useLocalTime\":true")));
        await cs.H.RestartAsync(Ocpp.Enums.BootReasonEnumType.PowerUp);
        Assert.Equal([(0, 32m), (300, 6m)], SmartChargingStation.Periods(await cs.CompositeAsync(1, 600)));
    }
}
