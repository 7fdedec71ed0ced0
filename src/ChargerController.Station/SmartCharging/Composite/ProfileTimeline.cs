using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>
/// Places the periods of one profile on the time line of a window: Absolute from startSchedule, Recurring repeated every
/// day or week from startSchedule (a duration longer than the recurrence is cut at the next occurrence, K01.FR.13),
/// Relative from the transaction start (K01.FR.42), Dynamic from its last update (K28); periods at or after the
/// schedule's duration are dropped (K01.FR.11); everything is clipped to validFrom/validTo (K01.FR.36/37) and to
/// maxOfflineDuration while offline (K01.FR.101).
/// </summary>
internal static class ProfileTimeline
{
    private const long Forever = long.MaxValue;

    public static void Expand(InstalledChargingProfile installed, CompositeScheduleInput input, long from, long to, List<ProfileInterval> output)
    {
        var profile = installed.Profile;
        if (profile.ChargingSchedule is not { Length: > 0 } schedules || schedules[0].ChargingSchedulePeriod is not { Length: > 0 } periods)
        {
            return;
        }

        var schedule = schedules[0];
        var clipFrom = Math.Max(from, profile.ValidFrom?.UtcTicks ?? long.MinValue);
        var clipTo = Math.Min(to, profile.ValidTo?.UtcTicks ?? Forever);
        if (input.OfflineSince is { } offline && profile.MaxOfflineDuration is { } maxOffline)
        {
            clipTo = Math.Min(clipTo, offline.UtcTicks + (maxOffline * TimeSpan.TicksPerSecond));
        }

        if (clipFrom >= clipTo)
        {
            return;
        }

        var length = schedule.Duration is { } seconds ? seconds * TimeSpan.TicksPerSecond : Forever;
        switch (profile.ChargingProfileKind)
        {
            case ChargingProfileKindEnumType.Recurring:
                var recurrence = profile.RecurrencyKind == RecurrencyKindEnumType.Weekly ? TimeSpan.TicksPerDay * 7 : TimeSpan.TicksPerDay;
                if (schedule.StartSchedule is not { } anchor)
                {
                    return;
                }

                length = Math.Min(length, recurrence);
                var first = anchor.UtcTicks;
                var k = clipFrom > first ? (clipFrom - first) / recurrence : 0;
                for (var start = first + (k * recurrence); start < clipTo; start += recurrence)
                {
                    AddOccurrence(schedule, periods, start, length, clipFrom, clipTo, input.NominalVoltageV, output);
                }

                return;
            case ChargingProfileKindEnumType.Relative:
                AddOccurrence(schedule, periods, (input.RelativeStart ?? input.Start).UtcTicks, length, clipFrom, clipTo, input.NominalVoltageV, output);
                return;
            case ChargingProfileKindEnumType.Dynamic:
                // K28.FR.13-15 (ERR21): a Dynamic profile not updated for its duration is invalid until the next update.
                var lastUpdate = profile.DynUpdateTime ?? schedule.StartSchedule ?? installed.InstalledAt;
                AddOccurrence(schedule, periods, lastUpdate.UtcTicks, length, clipFrom, clipTo, input.NominalVoltageV, output);
                return;
            default:
                if (schedule.StartSchedule is { } absolute)
                {
                    AddOccurrence(schedule, periods, absolute.UtcTicks, length, clipFrom, clipTo, input.NominalVoltageV, output);
                }

                return;
        }
    }

    private static void AddOccurrence(ChargingScheduleType schedule, ChargingSchedulePeriodType[] periods, long start, long length, long clipFrom, long clipTo, double voltage, List<ProfileInterval> output)
    {
        var end = length == Forever ? Forever : start + length;
        var inWatts = schedule.ChargingRateUnit == ChargingRateUnitEnumType.W;
        for (var i = 0; i < periods.Length; i++)
        {
            var offset = periods[i].StartPeriod * TimeSpan.TicksPerSecond;
            if (length != Forever && offset >= length)
            {
                break; // K01.FR.11
            }

            var periodStart = start + offset;
            var periodEnd = i + 1 < periods.Length ? Math.Min(end, start + (periods[i + 1].StartPeriod * TimeSpan.TicksPerSecond)) : end;
            var s = Math.Max(periodStart, clipFrom);
            var e = Math.Min(periodEnd, clipTo);
            if (s >= e)
            {
                continue;
            }

            var period = periods[i];
            var phases = period.NumberPhases ?? 3;
            var limit = PhaseLimit(period);
            var minRate = schedule.MinChargingRate is { } min ? (double)min : 0.0;
            if (inWatts)
            {
                minRate /= voltage * phases;
            }

            output.Add(new ProfileInterval(s, e, inWatts ? double.PositiveInfinity : limit, inWatts ? limit : double.PositiveInfinity, phases, period.PhaseToUse, minRate, period.OperationMode ?? OperationModeEnumType.ChargingOnly));
        }
    }

    // One pilot duty cycle serves every phase, so per-phase limits (limit_L2/L3, TxProfile only) count by their minimum.
    private static double PhaseLimit(ChargingSchedulePeriodType period)
    {
        var limit = period.Limit is { } l ? (double)l : double.PositiveInfinity;
        if (period.Limit_L2 is { } l2)
        {
            limit = Math.Min(limit, (double)l2);
        }

        if (period.Limit_L3 is { } l3)
        {
            limit = Math.Min(limit, (double)l3);
        }

        if (period.OperationMode == OperationModeEnumType.Idle)
        {
            limit = 0; // Idle: neither charge nor discharge.
        }

        return limit;
    }
}
