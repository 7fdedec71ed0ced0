using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging.Composite;
using ChargerController.Station.SmartCharging.LocalTime;
using static ChargerController.Station.Tests.SmartCharging.TestProfiles;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>Composite schedules of useLocalTime profiles on the local wall clock (K01.FR.90/91), across DST switches.</summary>
public sealed class LocalTimeCompositeTests
{
    private const ChargingProfilePurposeEnumType TxDefault = ChargingProfilePurposeEnumType.TxDefaultProfile;
    private static readonly LocalTimeRules Cet = LocalTimeRules.ForZone(TestZones.CentralEurope());

    private static (int Start, decimal Limit)[] Composite(Ocpp.DataTypes.ChargingProfileType profile, DateTimeOffset start, int seconds, LocalTimeRules rules)
    {
        var input = new CompositeScheduleInput { Start = start, Duration = TimeSpan.FromSeconds(seconds), EvseId = 1, MaxCurrentA = 32, LocalTime = rules };
        var schedule = CompositeScheduleCalculator.Compute([At(1, profile)], input);
        return [.. schedule.ToOcpp(ChargingRateUnitEnumType.A).ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit!.Value))];
    }

    private static Ocpp.DataTypes.ChargingProfileType LocalProfile(DateTimeOffset startSchedule, params (int Start, decimal Limit)[] periods)
    {
        var profile = Absolute(1, TxDefault, 0, startSchedule, null, periods);
        profile.ChargingSchedule[0].UseLocalTime = true;
        return profile;
    }

    [Fact]
    public void K01_FR_91_SpringForward_PeriodsInTheMissingHourAreSkipped()
    {
        // From 01:00 local on 2026-03-29: 8 A, 10 A at 02:00, 12 A at 02:30, 14 A at 03:00. 02:00-03:00 local does not exist.
        var profile = LocalProfile(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), (0, 8m), (3600, 10m), (5400, 12m), (7200, 14m));
        var utcStart = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero); // 01:00 CET
        Assert.Equal([(0, 8m), (3600, 14m)], Composite(profile, utcStart, 3 * 3600, Cet));

        // Without useLocalTime the same profile runs on UTC (startSchedule read as 01:00Z).
        profile.ChargingSchedule[0].UseLocalTime = false;
        Assert.Equal([(0, 32m), (3600, 8m), (7200, 10m), (9000, 12m)], Composite(profile, utcStart, 3 * 3600, Cet));
    }

    [Fact]
    public void K01_FR_91_FallBack_PeriodsInTheRepeatedHourRunTwice()
    {
        // From 01:00 local on 2026-10-25 (23:00Z the day before): 02:00-03:00 local happens twice (00:00Z-01:00Z CEST, 01:00Z-02:00Z CET).
        var profile = LocalProfile(new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), (0, 8m), (3600, 10m), (5400, 12m), (7200, 14m));
        var utcStart = new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal([(0, 8m), (3600, 10m), (5400, 12m), (7200, 10m), (9000, 12m), (10800, 14m)], Composite(profile, utcStart, 4 * 3600, Cet));
    }

    [Fact]
    public void K01_FR_90_RecurringDaily_KeepsItsWallClockTimeInWinterAndSummer()
    {
        // Daily 18:00-20:00 local at 6 A: 17:00Z in winter, 16:00Z in summer.
        var profile = Profile(1, TxDefault, 0, ChargingProfileKindEnumType.Recurring, new DateTimeOffset(2026, 1, 1, 18, 0, 0, TimeSpan.Zero), ChargingRateUnitEnumType.A, 7200, (0, 6m));
        profile.RecurrencyKind = RecurrencyKindEnumType.Daily;
        profile.ChargingSchedule[0].UseLocalTime = true;
        Assert.Equal([(0, 32m), (17 * 3600, 6m), (19 * 3600, 32m)], Composite(profile, new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero), 86400, Cet));
        Assert.Equal([(0, 32m), (16 * 3600, 6m), (18 * 3600, 32m)], Composite(profile, new DateTimeOffset(2026, 7, 10, 0, 0, 0, TimeSpan.Zero), 86400, Cet));

        // The day of the spring switch: 18:00 CEST is 16:00Z.
        Assert.Equal([(0, 32m), (16 * 3600, 6m), (18 * 3600, 32m)], Composite(profile, new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), 86400, Cet));
    }

    [Fact]
    public void K01_FR_90_TheOffsetOfStartScheduleIsDisregarded()
    {
        // 14:00+05:00 means 14:00 on the station's wall clock (+01:00 here): 13:00Z.
        var profile = LocalProfile(new DateTimeOffset(2025, 1, 1, 14, 0, 0, TimeSpan.FromHours(5)), (0, 6m));
        Assert.Equal([(0, 32m), (3600, 6m)], Composite(profile, T0, 7200, LocalTimeRules.ForOffset(TimeSpan.FromHours(1))));

        // Local time is UTC when nothing is configured: 14:00 on the wall clock = 14:00Z.
        Assert.Equal([(0, 32m), (7200, 6m)], Composite(profile, T0, 3 * 3600, LocalTimeRules.Utc));

        // Stored profiles keep the wall-clock reading with a zero offset, so a reboot or a report does not shift it.
        var stored = LocalTimeProfiles.Normalize(profile);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 14, 0, 0, TimeSpan.Zero), stored.ChargingSchedule[0].StartSchedule);
        Assert.Equal([(0, 32m), (3600, 6m)], Composite(stored, T0, 7200, LocalTimeRules.ForOffset(TimeSpan.FromHours(1))));
    }

    [Fact]
    public void K01_FR_91_RelativeProfile_FollowsTheWallClockAcrossTheSwitch()
    {
        // A Relative schedule started at 01:30 CET on the spring day: the wall clock jumps 02:00 -> 03:00, so the 10 A period
        // (02:30-03:30 local) only runs its last half hour and 14 A starts at 03:30 local = 01:30Z.
        var profile = Relative(1, TxDefault, 0, null, (0, 8m), (3600, 10m), (7200, 14m));
        profile.ChargingSchedule[0].UseLocalTime = true;
        var txStart = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);
        var input = new CompositeScheduleInput { Start = txStart, Duration = TimeSpan.FromHours(2), EvseId = 1, MaxCurrentA = 32, LocalTime = Cet, RelativeStart = txStart, TransactionId = "tx" };
        var periods = CompositeScheduleCalculator.Compute([At(1, profile)], input).ToOcpp(ChargingRateUnitEnumType.A).ChargingSchedulePeriod;
        Assert.Equal([(0, 8m), (1800, 10m), (3600, 14m)], periods.Select(p => (p.StartPeriod, p.Limit!.Value)));
    }
}
