using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging.Randomization;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>
/// Places the periods of one profile on the time line of a window: Absolute from startSchedule, Recurring repeated every
/// day or week from startSchedule (a duration longer than the recurrence is cut at the next occurrence, K01.FR.13),
/// Relative from the transaction start (K01.FR.42), Dynamic from its last update (K28); periods at or after the
/// schedule's duration are dropped (K01.FR.11); everything is clipped to validFrom/validTo (K01.FR.36/37) and to
/// maxOfflineDuration while offline (K01.FR.101). Randomized period starts (K01.FR.92-97) and schedules on the local
/// wall clock (useLocalTime, K01.FR.90/91) are placed here too.
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

        // K01.FR.92/93: the delayed period starts, fixed for the running transaction (none on an idle EVSE, K08.FR.06).
        var delays = input.PeriodDelays?.Invoke(profile);
        var starts = new long[periods.Length];
        RandomizedPeriods.EffectiveStarts(periods, delays, schedule.Duration, starts);
        var placement = new Placement(schedule, periods, starts, input.NominalVoltageV);

        var useLocalTime = schedule.UseLocalTime == true;
        if (!useLocalTime || input.LocalTime.IsUtc)
        {
            ExpandOnAxis(installed, input, placement, clipFrom, clipTo, 0, useLocalTime, output);
            return;
        }

        // K01.FR.90/91: the schedule runs on the local wall clock. Within each piece of constant UTC offset the wall clock
        // runs parallel to UTC, so the schedule is laid out on the local axis and shifted back; at a daylight saving
        // switch the wall clock jumps, which skips (spring) or repeats (autumn) part of the active periods.
        var pieces = new List<(long Start, long End, long Offset)>();
        input.LocalTime.Segments(clipFrom, clipTo, pieces);
        foreach (var (pieceStart, pieceEnd, offset) in pieces)
        {
            ExpandOnAxis(installed, input, placement, pieceStart + offset, pieceEnd + offset, offset, true, output);
        }
    }

    // Lays the profile out on an axis that is UTC shifted by `shift` ticks (the local wall clock when `local`) and emits
    // the intervals in UTC.
    private static void ExpandOnAxis(InstalledChargingProfile installed, CompositeScheduleInput input, Placement placement, long clipFrom, long clipTo, long shift, bool local, List<ProfileInterval> output)
    {
        var profile = installed.Profile;
        var schedule = placement.Schedule;
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
                var first = ScheduleAnchor(anchor, local);
                var k = clipFrom > first ? (clipFrom - first) / recurrence : 0;
                for (var start = first + (k * recurrence); start < clipTo; start += recurrence)
                {
                    AddOccurrence(placement, start, length, clipFrom, clipTo, shift, output);
                }

                return;
            case ChargingProfileKindEnumType.Relative:
                AddOccurrence(placement, InstantOnAxis(input.RelativeStart ?? input.Start, input, local), length, clipFrom, clipTo, shift, output);
                return;
            case ChargingProfileKindEnumType.Dynamic:
                // K28.FR.13-15 (ERR21): a Dynamic profile not updated for its duration is invalid until the next update.
                var lastUpdate = profile.DynUpdateTime ?? schedule.StartSchedule ?? installed.InstalledAt;
                AddOccurrence(placement, InstantOnAxis(lastUpdate, input, local), length, clipFrom, clipTo, shift, output);
                return;
            default:
                if (schedule.StartSchedule is { } absolute)
                {
                    AddOccurrence(placement, ScheduleAnchor(absolute, local), length, clipFrom, clipTo, shift, output);
                }

                return;
        }
    }

    // K01.FR.90: with useLocalTime, startSchedule is an unqualified local time: its offset (or "Z") is disregarded.
    private static long ScheduleAnchor(DateTimeOffset startSchedule, bool local) => local ? startSchedule.DateTime.Ticks : startSchedule.UtcTicks;

    // A real instant (transaction start, dynamic update) on the local axis: its wall-clock reading at that moment.
    private static long InstantOnAxis(DateTimeOffset instant, CompositeScheduleInput input, bool local) =>
        local ? instant.UtcTicks + input.LocalTime.OffsetAt(instant.UtcTicks).Ticks : instant.UtcTicks;

    private static void AddOccurrence(Placement placement, long start, long length, long clipFrom, long clipTo, long shift, List<ProfileInterval> output)
    {
        var schedule = placement.Schedule;
        var periods = placement.Periods;
        var starts = placement.Starts;
        var end = length == Forever ? Forever : start + length;
        var inWatts = schedule.ChargingRateUnit == ChargingRateUnitEnumType.W;
        for (var i = 0; i < periods.Length; i++)
        {
            if (starts[i] == RandomizedPeriods.Skipped)
            {
                continue; // K01.FR.11, K01.FR.97
            }

            var next = i + 1;
            while (next < periods.Length && starts[next] == RandomizedPeriods.Skipped)
            {
                next++;
            }

            var periodStart = start + (starts[i] * TimeSpan.TicksPerSecond);
            var periodEnd = next < periods.Length ? Math.Min(end, start + (starts[next] * TimeSpan.TicksPerSecond)) : end;
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
                minRate /= placement.VoltageV * phases;
            }

            output.Add(new ProfileInterval(s - shift, e - shift, inWatts ? double.PositiveInfinity : limit, inWatts ? limit : double.PositiveInfinity, phases, period.PhaseToUse, minRate, period.OperationMode ?? OperationModeEnumType.ChargingOnly));
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
