using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;
using ChargerController.Station.SmartCharging.Composite;
using CsCheck;
using static ChargerController.Station.Tests.SmartCharging.TestProfiles;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>
/// The composite never exceeds the limit of any profile that governs an instant: the highest-stack active
/// ChargingStationMaxProfile, ChargingStationExternalConstraints, and TxProfile (else TxDefaultProfile). The reference
/// evaluation below is a naive per-instant reading of Part 2 K01, independent of the calculator's time-line sweep.
/// </summary>
public sealed class CompositeSchedulePropertyTests
{
    private const double Voltage = 230;

    private static readonly Gen<ChargingProfilePurposeEnumType> Purpose = Gen.OneOf(
        ChargingProfilePurposeEnumType.ChargingStationMaxProfile,
        ChargingProfilePurposeEnumType.ChargingStationExternalConstraints,
        ChargingProfilePurposeEnumType.TxDefaultProfile,
        ChargingProfilePurposeEnumType.TxProfile);

    private static readonly Gen<ChargingProfileKindEnumType> Kind = Gen.OneOf(
        ChargingProfileKindEnumType.Absolute,
        ChargingProfileKindEnumType.Relative,
        ChargingProfileKindEnumType.Recurring);

    private static readonly Gen<ChargingSchedulePeriodType[]> Periods =
        Gen.Select(Gen.Int[0, 1800].Array[0, 3], Gen.Int[0, 400].Array[4], Gen.OneOf<int?>(null, 1, 3).Array[4], (gaps, limits, phases) =>
        {
            var result = new ChargingSchedulePeriodType[gaps.Length + 1];
            var start = 0;
            for (var i = 0; i < result.Length; i++)
            {
                start += i == 0 ? 0 : gaps[i - 1] + 1;
                result[i] = new ChargingSchedulePeriodType { StartPeriod = start, Limit = limits[i] / 10m, NumberPhases = phases[i] };
            }

            return result;
        });

    private static readonly Gen<InstalledChargingProfile> Installed =
        Gen.Select(
            Purpose,
            Kind,
            Gen.Int[0, 3],
            Gen.Int[-7200, 7200],
            Gen.OneOf<int?>(null, 600, 3600, 30000),
            Gen.Bool,
            Gen.Int[0, 1],
            Periods,
            Gen.Int[-3600, 3600].Array[2],
            Gen.Bool,
            (purpose, kind, stack, startOffset, duration, watts, evse, periods, validity, daily) =>
        {
            if (purpose == ChargingProfilePurposeEnumType.ChargingStationMaxProfile)
            {
                evse = 0;
                kind = kind == ChargingProfileKindEnumType.Relative ? ChargingProfileKindEnumType.Absolute : kind;
            }
            else if (purpose == ChargingProfilePurposeEnumType.TxProfile)
            {
                evse = 1;
            }

            var unit = watts ? ChargingRateUnitEnumType.W : ChargingRateUnitEnumType.A;
            if (watts)
            {
                foreach (var p in periods)
                {
                    p.Limit *= 700m;
                }
            }

            var profile = Profile(0, purpose, stack, kind, kind == ChargingProfileKindEnumType.Relative ? null : T0.AddSeconds(startOffset), unit, duration, [(0, 0m)]);
            profile.ChargingSchedule[0].ChargingSchedulePeriod = periods;
            profile.TransactionId = purpose == ChargingProfilePurposeEnumType.TxProfile ? "tx" : null;
            profile.RecurrencyKind = kind == ChargingProfileKindEnumType.Recurring ? (daily ? RecurrencyKindEnumType.Daily : RecurrencyKindEnumType.Weekly) : null;
            profile.ValidFrom = validity[0] > 0 ? T0.AddSeconds(validity[0]) : null;
            profile.ValidTo = validity[1] > 0 ? T0.AddSeconds(validity[1] + 3600) : null;
            return new InstalledChargingProfile(evse, profile, InstalledChargingProfile.CsoSource, T0);
        });

    [Fact]
    public void Composite_NeverExceedsAnyGoverningProfile()
    {
        Gen.Select(Installed.Array[1, 8], Gen.Int[0, 4 * 3600 - 1].Array[20]).Sample((generated, instants) =>
        {
            // K01.FR.06/52/53: one profile per purpose and stack level (the validator rejects duplicates).
            var profiles = generated.DistinctBy(p => (p.Profile.ChargingProfilePurpose, p.Profile.StackLevel)).ToArray();
            var relativeStart = T0.AddSeconds(-300);
            var input = new CompositeScheduleInput { Start = T0, Duration = TimeSpan.FromHours(4), EvseId = 1, TransactionId = "tx", RelativeStart = relativeStart, MaxCurrentA = 63 };
            var schedule = CompositeScheduleCalculator.Compute(profiles, input);
            Assert.Equal(T0, schedule.Segments[0].Start);
            Assert.Equal(T0.AddHours(4), schedule.Segments[^1].End);
            foreach (var seconds in instants)
            {
                var t = T0.AddSeconds(seconds);
                var segment = schedule.At(t) ?? throw new InvalidOperationException("gap at " + t);
                var allowedA = segment.LimitA();
                var allowedW = segment.LimitW();
                foreach (var governing in Governing(profiles, t, relativeStart))
                {
                    var (limit, unit) = governing;
                    if (unit == ChargingRateUnitEnumType.A)
                    {
                        Assert.True(allowedA <= limit + 1e-9, $"{allowedA} A > {limit} A at {t}");
                    }
                    else
                    {
                        Assert.True(allowedW <= limit + 1e-6, $"{allowedW} W > {limit} W at {t}");
                    }
                }
            }
        });
    }

    private static IEnumerable<(double Limit, ChargingRateUnitEnumType Unit)> Governing(InstalledChargingProfile[] profiles, DateTimeOffset t, DateTimeOffset relativeStart)
    {
        var active = profiles
            .Select(p => (p.Profile, Limit: LimitAt(p.Profile, t, relativeStart)))
            .Where(x => x.Limit is not null)
            .ToList();
        (double, ChargingRateUnitEnumType)? Top(ChargingProfilePurposeEnumType purpose)
        {
            var top = active.Where(x => x.Profile.ChargingProfilePurpose == purpose).OrderByDescending(x => x.Profile.StackLevel).FirstOrDefault();
            return top.Profile is null ? null : (top.Limit!.Value, top.Profile.ChargingSchedule[0].ChargingRateUnit);
        }

        var max = Top(ChargingProfilePurposeEnumType.ChargingStationMaxProfile);
        var external = Top(ChargingProfilePurposeEnumType.ChargingStationExternalConstraints);
        var tx = Top(ChargingProfilePurposeEnumType.TxProfile) ?? Top(ChargingProfilePurposeEnumType.TxDefaultProfile);
        foreach (var g in new[] { max, external, tx })
        {
            if (g is { } value)
            {
                yield return value;
            }
        }
    }

    private static double? LimitAt(ChargingProfileType profile, DateTimeOffset t, DateTimeOffset relativeStart)
    {
        if ((profile.ValidFrom is { } from && t < from) || (profile.ValidTo is { } to && t >= to))
        {
            return null;
        }

        var schedule = profile.ChargingSchedule[0];
        DateTimeOffset anchor;
        var length = schedule.Duration is { } d ? TimeSpan.FromSeconds(d) : TimeSpan.MaxValue;
        switch (profile.ChargingProfileKind)
        {
            case ChargingProfileKindEnumType.Relative:
                anchor = relativeStart;
                break;
            case ChargingProfileKindEnumType.Recurring:
                var recurrence = profile.RecurrencyKind == RecurrencyKindEnumType.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
                var first = schedule.StartSchedule!.Value;
                if (t < first)
                {
                    return null;
                }

                anchor = first + (recurrence * Math.Floor((t - first) / recurrence));
                length = length < recurrence ? length : recurrence;
                break;
            default:
                anchor = schedule.StartSchedule!.Value;
                break;
        }

        var elapsed = t - anchor;
        if (elapsed < TimeSpan.Zero || elapsed >= length)
        {
            return null;
        }

        var period = schedule.ChargingSchedulePeriod.Last(p => TimeSpan.FromSeconds(p.StartPeriod) <= elapsed);
        return (double)period.Limit!.Value;
    }
}
