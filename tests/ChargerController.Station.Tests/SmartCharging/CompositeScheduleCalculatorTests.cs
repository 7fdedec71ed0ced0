using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Composite;
using static ChargerController.Station.Tests.SmartCharging.TestProfiles;

namespace ChargerController.Station.Tests.SmartCharging;

public sealed class CompositeScheduleCalculatorTests
{
    private const ChargingProfilePurposeEnumType Max = ChargingProfilePurposeEnumType.ChargingStationMaxProfile;
    private const ChargingProfilePurposeEnumType TxDefault = ChargingProfilePurposeEnumType.TxDefaultProfile;
    private const ChargingProfilePurposeEnumType Tx = ChargingProfilePurposeEnumType.TxProfile;
    private const ChargingProfilePurposeEnumType External = ChargingProfilePurposeEnumType.ChargingStationExternalConstraints;

    private static CompositeScheduleInput Input(int seconds, int evseId = 1, string? tx = null, DateTimeOffset? start = null, double max = 32) =>
        new() { Start = start ?? T0, Duration = TimeSpan.FromSeconds(seconds), EvseId = evseId, TransactionId = tx, MaxCurrentA = max };

    private static (int Start, decimal Limit)[] Periods(CompositeSchedule schedule, ChargingRateUnitEnumType unit = ChargingRateUnitEnumType.A) =>
        // Q10.FR.01: an Idle period has no limit; it counts as 0 here.
        [.. schedule.ToOcpp(unit).ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.OperationMode == OperationModeEnumType.Idle && p.Limit is null ? 0m : p.Limit!.Value))];

    [Fact]
    public void NoProfiles_OnePeriodAtTheRating()
    {
        var schedule = CompositeScheduleCalculator.Compute([], Input(300));
        var ocpp = schedule.ToOcpp(ChargingRateUnitEnumType.A);
        Assert.Equal(300, ocpp.Duration);
        Assert.Equal([(0, 32.0m)], Periods(schedule));
    }

    [Fact]
    public void OperationMode_OfTheTransactionsProfile_SplitsSlotsAndIsReported()
    {
        // TxDefault 16 A: ChargingOnly, Idle from 100 s (limit 0: neither charge nor discharge), ChargingOnly from 200 s.
        var profile = Absolute(1, TxDefault, 0, T0, null, (0, 16m), (100, 16m), (200, 16m));
        profile.ChargingSchedule[0].ChargingSchedulePeriod[1].OperationMode = OperationModeEnumType.Idle;
        var max = At(0, Absolute(2, Max, 0, T0, null, (0, 20m)));
        var schedule = CompositeScheduleCalculator.Compute([At(1, profile), max], Input(300));
        Assert.Equal(
            new[] { OperationModeEnumType.ChargingOnly, OperationModeEnumType.Idle, OperationModeEnumType.ChargingOnly },
            schedule.Segments.Select(s => s.OperationMode));
        Assert.Equal([(0, 16m), (100, 0m), (200, 16m)], Periods(schedule));
        var ocpp = schedule.ToOcpp(ChargingRateUnitEnumType.A).ChargingSchedulePeriod;
        Assert.Equal(new OperationModeEnumType?[] { null, OperationModeEnumType.Idle, null }, ocpp.Select(p => p.OperationMode));
        Assert.Equal(new decimal?[] { 16m, null, 16m }, ocpp.Select(p => p.Limit));

        // The station's own composite has no transaction profile: always ChargingOnly.
        Assert.All(CompositeScheduleCalculator.Compute([At(1, profile), max], Input(300, evseId: 0)).Segments, s => Assert.Equal(OperationModeEnumType.ChargingOnly, s.OperationMode));
    }

    [Fact]
    public void StackLevels_HigherWinsWhileItsScheduleRuns_ThenLowerTakesOver()
    {
        // TxDefault level 0: 16 A for ever; level 1: 10 A for 100 s, then 6 A until 200 s (its duration).
        var low = At(1, Absolute(1, TxDefault, 0, T0, null, (0, 16m)));
        var high = At(1, Absolute(2, TxDefault, 1, T0.AddSeconds(50), 200, (0, 10m), (100, 6m)));
        var schedule = CompositeScheduleCalculator.Compute([low, high], Input(400));
        Assert.Equal([(0, 16m), (50, 10m), (150, 6m), (250, 16m)], Periods(schedule));
    }

    [Fact]
    public void Purposes_MinimumOfMaxExternalAndTx_TxOverridesTxDefault()
    {
        var max = At(0, Absolute(1, Max, 0, T0, null, (0, 20m), (300, 8m)));
        var external = At(1, Absolute(2, External, 0, T0, null, (0, 25m), (200, 12m)));
        var txDefault = At(0, Absolute(3, TxDefault, 5, T0, null, (0, 30m)));
        var tx = Absolute(4, Tx, 0, T0, 100, (0, 18m));
        tx.TransactionId = "tx-1";
        var schedule = CompositeScheduleCalculator.Compute([max, external, txDefault, At(1, tx)], Input(400, tx: "tx-1"));

        // 0-100: min(20, 25, Tx 18) = 18; 100-200: min(20, 25, TxDefault 30) = 20; 200-300: 12; 300-: 8.
        Assert.Equal([(0, 18m), (100, 20m), (200, 12m), (300, 8m)], Periods(schedule));
    }

    [Fact]
    public void TxProfile_OfAnotherTransaction_Ignored()
    {
        var tx = Absolute(4, Tx, 0, T0, null, (0, 6m));
        tx.TransactionId = "other";
        var schedule = CompositeScheduleCalculator.Compute([At(1, tx)], Input(60, tx: "tx-1"));
        Assert.Equal([(0, 32m)], Periods(schedule));
    }

    [Fact]
    public void TxDefaultOnOtherEvse_NotApplied_EvseZeroAppliesToAll()
    {
        var other = At(2, Absolute(1, TxDefault, 1, T0, null, (0, 6m)));
        var all = At(0, Absolute(2, TxDefault, 0, T0, null, (0, 10m)));
        Assert.Equal([(0, 10m)], Periods(CompositeScheduleCalculator.Compute([other, all], Input(60, evseId: 1))));
        Assert.Equal([(0, 6m)], Periods(CompositeScheduleCalculator.Compute([other, all], Input(60, evseId: 2))));
    }

    [Fact]
    public void StationComposite_OnlyStationLevelProfiles()
    {
        var max = At(0, Absolute(1, Max, 0, T0, null, (0, 40m)));
        var txDefault = At(0, Absolute(2, TxDefault, 0, T0, null, (0, 10m)));
        var schedule = CompositeScheduleCalculator.Compute([max, txDefault], Input(60, evseId: 0, max: 63));
        Assert.Equal([(0, 40m)], Periods(schedule));
    }

    [Fact]
    public void RecurringDaily_AcrossMidnight()
    {
        // Every day from 22:00: 8 A for 4 h (to 02:00), then nothing (duration 4 h).
        var night = Profile(1, TxDefault, 0, ChargingProfileKindEnumType.Recurring, new DateTimeOffset(2024, 12, 1, 22, 0, 0, TimeSpan.Zero), ChargingRateUnitEnumType.A, 4 * 3600, (0, 8m));
        night.RecurrencyKind = RecurrencyKindEnumType.Daily;
        var start = new DateTimeOffset(2025, 1, 1, 21, 0, 0, TimeSpan.Zero);
        var schedule = CompositeScheduleCalculator.Compute([At(1, night)], Input(26 * 3600, start: start));

        // 21:00 32 A; 22:00-02:00 8 A; 02:00-22:00 32 A; 22:00-23:00 (next day) 8 A.
        Assert.Equal([(0, 32m), (3600, 8m), (5 * 3600, 32m), (25 * 3600, 8m)], Periods(schedule));
    }

    [Fact]
    public void RecurringWeekly_AcrossWeekBoundary_DurationLongerThanWeekIsCut()
    {
        // Sunday 2024-12-29 23:00, weekly: 10 A for the first 2 h, 20 A after, duration 8 days (cut at the next week).
        var weekly = Profile(1, TxDefault, 0, ChargingProfileKindEnumType.Recurring, new DateTimeOffset(2024, 12, 29, 23, 0, 0, TimeSpan.Zero), ChargingRateUnitEnumType.A, 8 * 86400, (0, 10m), (7200, 20m));
        weekly.RecurrencyKind = RecurrencyKindEnumType.Weekly;
        var start = new DateTimeOffset(2025, 1, 5, 22, 0, 0, TimeSpan.Zero); // Sunday 22:00, one hour before the next occurrence
        var schedule = CompositeScheduleCalculator.Compute([At(1, weekly)], Input(4 * 3600, start: start));
        Assert.Equal([(0, 20m), (3600, 10m), (3 * 3600, 20m)], Periods(schedule));
    }

    [Fact]
    public void Relative_CountsFromTransactionStart()
    {
        var relative = At(1, Relative(1, TxDefault, 0, 600, (0, 6m), (300, 16m)));
        var txStart = T0.AddSeconds(-120);
        var input = Input(900) with { RelativeStart = txStart };
        Assert.Equal([(0, 6m), (180, 16m), (480, 32m)], Periods(CompositeScheduleCalculator.Compute([relative], input)));
    }

    [Fact]
    public void Validity_FromInclusive_ToExclusive()
    {
        var profile = Absolute(1, TxDefault, 0, T0, null, (0, 6m));
        profile.ValidFrom = T0.AddSeconds(60);
        profile.ValidTo = T0.AddSeconds(120);
        var schedule = CompositeScheduleCalculator.Compute([At(1, profile)], Input(180));
        Assert.Equal([(0, 32m), (60, 6m), (120, 32m)], Periods(schedule));
        Assert.Equal(6, schedule.At(T0.AddSeconds(60))!.Value.LimitA());
        Assert.Equal(32, schedule.At(T0.AddSeconds(120))!.Value.LimitA());
    }

    [Fact]
    public void FutureStartSchedule_WaitsUntilThen()
    {
        var profile = At(1, Absolute(1, TxDefault, 0, T0.AddSeconds(100), null, (0, 6m)));
        Assert.Equal([(0, 32m), (100, 6m)], Periods(CompositeScheduleCalculator.Compute([profile], Input(200))));
    }

    [Fact]
    public void WattsAndAmps_ConvertWithNominalVoltageAndPhases()
    {
        // Max 11 kW on 3 phases = 15.94 A per phase; Tx default 10 A per phase → composite 10 A = 6900 W.
        var max = At(0, Profile(1, Max, 0, ChargingProfileKindEnumType.Absolute, T0, ChargingRateUnitEnumType.W, null, (0, 11000m)));
        var txDefault = At(1, Absolute(2, TxDefault, 0, T0, null, (0, 10m), (60, 20m)));
        var schedule = CompositeScheduleCalculator.Compute([max, txDefault], Input(120));
        Assert.Equal([(0, 10m), (60, 15.9m)], Periods(schedule));
        Assert.Equal([(0, 6900m), (60, 11000m)], Periods(schedule, ChargingRateUnitEnumType.W));

        // The same 11 kW on one phase in use: 47.8 A per phase, capped by the 32 A rating; 10 A → 2300 W.
        var segment = schedule.At(T0.AddSeconds(60))!.Value;
        Assert.Equal(20, segment.LimitA(phasesInUse: 1));
        Assert.Equal(11000.0 / 230 / 3, segment.LimitA(), 6);
    }

    [Fact]
    public void PhaseChange_LowestNumberPhasesWins_WattsFollowPhases()
    {
        var profile = Profile(1, TxDefault, 0, ChargingProfileKindEnumType.Absolute, T0, ChargingRateUnitEnumType.W, null, (0, 6900m), (60, 6900m));
        profile.ChargingSchedule[0].ChargingSchedulePeriod[1].NumberPhases = 1;
        var schedule = CompositeScheduleCalculator.Compute([At(1, profile)], Input(120));
        var ocpp = schedule.ToOcpp(ChargingRateUnitEnumType.A).ChargingSchedulePeriod;
        Assert.Equal((3, 10m), (ocpp[0].NumberPhases!.Value, ocpp[0].Limit!.Value));
        Assert.Equal((1, 30m), (ocpp[1].NumberPhases!.Value, ocpp[1].Limit!.Value));
    }

    [Fact]
    public void LocalGeneration_AddsOnTop()
    {
        var max = At(0, Absolute(1, Max, 0, T0, null, (0, 10m)));
        var generation = At(0, Absolute(2, ChargingProfilePurposeEnumType.LocalGeneration, 0, T0, 60, (0, 6m)));
        Assert.Equal([(0, 16m), (60, 10m)], Periods(CompositeScheduleCalculator.Compute([max, generation], Input(120))));
    }

    [Fact]
    public void PriorityCharging_ReplacesTxOnlyWhileActive()
    {
        var txDefault = At(1, Absolute(1, TxDefault, 0, T0, null, (0, 6m)));
        var priority = Relative(2, ChargingProfilePurposeEnumType.PriorityCharging, 0, null, (0, 32m));
        var profiles = new[] { txDefault, At(1, priority) };
        Assert.Equal([(0, 6m)], Periods(CompositeScheduleCalculator.Compute(profiles, Input(60, tx: "t"))));
        Assert.Equal([(0, 32m)], Periods(CompositeScheduleCalculator.Compute(profiles, Input(60, tx: "t") with { PriorityChargingActive = true })));
    }

    [Fact]
    public void MaxOfflineDuration_LapsesWhileOffline()
    {
        var profile = Absolute(1, TxDefault, 1, T0, null, (0, 6m));
        profile.MaxOfflineDuration = 60;
        var fallback = At(1, Absolute(2, TxDefault, 0, T0, null, (0, 10m)));
        var input = Input(180) with { OfflineSince = T0.AddSeconds(-30) };
        Assert.Equal([(0, 6m), (30, 10m)], Periods(CompositeScheduleCalculator.Compute([At(1, profile), fallback], input)));
    }

    [Fact]
    public void PeriodsAtOrAfterDuration_Skipped()
    {
        var profile = At(1, Absolute(1, TxDefault, 0, T0, 60, (0, 6m), (60, 7m), (90, 8m)));
        Assert.Equal([(0, 6m), (60, 32m)], Periods(CompositeScheduleCalculator.Compute([profile], Input(120))));
    }
}
