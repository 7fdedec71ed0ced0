using ChargerController.Ocpp.DataTypes;
using ChargerController.Station.SmartCharging.Randomization;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>The arithmetic of randomizedDelay (K01.FR.92-94, errata 2025-09 K01.FR.97).</summary>
public sealed class RandomizedPeriodsTests
{
    private static ChargingSchedulePeriodType[] Periods(params int[] starts) =>
        [.. starts.Select(s => new ChargingSchedulePeriodType { StartPeriod = s, Limit = 6 })];

    private static long[] Starts(ChargingSchedulePeriodType[] periods, int[]? delays, long? duration)
    {
        var starts = new long[periods.Length];
        RandomizedPeriods.EffectiveStarts(periods, delays, duration, starts);
        return starts;
    }

    [Fact]
    public void NoDelays_StartPeriodsUnchanged_PeriodsAtOrAfterDurationSkipped()
    {
        Assert.Equal([0, 300, 600], Starts(Periods(0, 300, 600), null, null));
        Assert.Equal([0, 300, RandomizedPeriods.Skipped], Starts(Periods(0, 300, 600), null, 600)); // K01.FR.11
    }

    [Fact]
    public void K01_FR_92_EveryPeriodButTheFirstIsDelayed()
    {
        Assert.Equal([0, 310, 645], Starts(Periods(0, 300, 600), [99, 10, 45], null));
    }

    [Fact]
    public void K01_FR_97_ErrataExample_OvertakenPeriodIsSkipped()
    {
        // Errata 2025-09 §2.21: {0,300,600,900} + {-,753,123,87} = {0,1053,723,987}: the second period is dropped.
        Assert.Equal([0, RandomizedPeriods.Skipped, 723, 987], Starts(Periods(0, 300, 600, 900), [0, 753, 123, 87], null));
    }

    [Fact]
    public void K01_FR_97_DelayedPastTheDuration_IsSkipped_DurationNeverMoves()
    {
        // K01.FR.94: duration stays 1000 s; the last period pushed to 1000 s does not run.
        Assert.Equal([0, 400, RandomizedPeriods.Skipped], Starts(Periods(0, 300, 900), [0, 100, 100], 1000));
    }

    [Fact]
    public void K01_FR_97_APeriodOvertakenByALaterRunningOne_IsSkippedEvenIfItsNeighbourIsSkipped()
    {
        // {0,500,600,100}: period 2 (600) is overtaken by period 3 (100), and so is period 1 (500).
        Assert.Equal([0, RandomizedPeriods.Skipped, RandomizedPeriods.Skipped, 400], Starts(Periods(0, 100, 200, 300), [0, 400, 400, 100], null));
    }

    [Fact]
    public void Plan_DrawsOncePerTransactionAndProfile_RedrawsForANewTransactionOrReplacement()
    {
        var random = new ScriptedRandomDelays(11, 22, 33, 44, 55, 66);
        var plan = new RandomizedDelayPlan(random);
        var profile = TestProfiles.Absolute(1, Ocpp.Enums.ChargingProfilePurposeEnumType.TxDefaultProfile, 0, TestProfiles.T0, null, (0, 6m), (300, 10m), (600, 16m));
        profile.ChargingSchedule[0].RandomizedDelay = 120;

        Assert.Equal([0, 11, 22], plan.DelaysFor("tx-a", profile));
        Assert.Equal([0, 11, 22], plan.DelaysFor("tx-a", profile)); // fixed for the transaction (K01.FR.93)
        Assert.Equal([120, 120], random.Maxima); // uniform in [0, randomizedDelay]; the first period draws nothing

        Assert.Equal([0, 33, 44], plan.DelaysFor("tx-b", profile)); // another transaction draws anew (TC_K_108)
        var replaced = profile with { StackLevel = 0 };
        Assert.Equal([0, 55, 66], plan.DelaysFor("tx-a", replaced)); // a profile submitted during the transaction

        plan.KeepOnly(["tx-b"]);
        Assert.Equal(1, plan.Count);
        Assert.Null(plan.DelaysFor("tx-a", TestProfiles.Absolute(2, Ocpp.Enums.ChargingProfilePurposeEnumType.TxDefaultProfile, 0, TestProfiles.T0, null, (0, 6m))));
    }

    [Fact]
    public void SystemSource_StaysWithinBounds()
    {
        var source = new SystemRandomDelaySource();
        var seen = new HashSet<int>();
        for (var i = 0; i < 2000; i++)
        {
            var value = source.NextDelaySeconds(3);
            Assert.InRange(value, 0, 3);
            seen.Add(value);
        }

        Assert.Equal(4, seen.Count); // both ends are reachable
        Assert.Equal(0, source.NextDelaySeconds(0));
    }
}
