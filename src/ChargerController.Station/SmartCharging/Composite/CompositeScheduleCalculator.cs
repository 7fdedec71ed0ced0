using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>
/// Computes the composite schedule of an EVSE or of the station (OCPP 2.1 Part 2 K08, docs/SMART-CHARGING.md). Pure: the
/// same profiles and input always give the same slots.
/// <para>
/// 1. Select the profiles that apply (<see cref="Applies"/>): for an EVSE the ChargingStationMaxProfile (EVSE 0), the
/// ChargingStationExternalConstraints, TxDefaultProfile, PriorityCharging and LocalGeneration profiles of EVSE 0 or of
/// this EVSE (K01.FR.14/15), and the TxProfiles of the running transaction (K01.FR.04). For the station (evseId 0) only
/// the station-level ChargingStationMaxProfile, ChargingStationExternalConstraints and LocalGeneration profiles.
/// 2. Place every period of every profile on the time line of the window (<see cref="ProfileTimeline"/>).
/// 3. Cut the window at every period edge. In each slot, per purpose, the active period of the profile with the highest
/// stackLevel wins (K01.FR.17; a profile whose schedule has ended no longer competes, so a lower level takes over).
/// 4. The Tx-level limit is the TxProfile when one is active, else the TxDefaultProfile (K02); an active
/// PriorityCharging profile replaces both while priority charging is on (K21).
/// 5. The slot limit is the minimum of ChargingStationMaxProfile, ChargingStationExternalConstraints and the Tx-level
/// limit, plus the LocalGeneration capacity (K08.FR.04), with the lowest numberPhases (ERR21 K01.FR.140); A and W limits
/// stay separate until the phases in use are known (K01.FR.50), and the rating caps the result.
/// 6. Adjacent slots with equal limits merge.
/// </para>
/// </summary>
public static class CompositeScheduleCalculator
{
    private const int SlotCount = 6;

    /// <summary>Computes the composite schedule.</summary>
    /// <param name="profiles">Every installed profile (the calculator picks those that apply).</param>
    /// <param name="input">Window, EVSE, transaction and electrical parameters.</param>
    /// <returns>The schedule, covering the whole window.</returns>
    public static CompositeSchedule Compute(IEnumerable<InstalledChargingProfile> profiles, CompositeScheduleInput input)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(input);
        var from = input.Start.UtcTicks;
        var to = from + Math.Max(0, input.Duration.Ticks);
        var supplyPhases = Math.Clamp(input.SupplyPhases, 1, 3);

        var selected = new List<(InstalledChargingProfile Profile, ProfileSlot Slot, List<ProfileInterval> Intervals)>();
        var boundaries = new List<long> { from, to };
        foreach (var installed in profiles)
        {
            if (!Applies(installed, input, out var slot))
            {
                continue;
            }

            var intervals = new List<ProfileInterval>();
            ProfileTimeline.Expand(installed, input, from, to, intervals);
            if (intervals.Count == 0)
            {
                continue;
            }

            selected.Add((installed, slot, intervals));
            foreach (var interval in intervals)
            {
                boundaries.Add(interval.Start);
                boundaries.Add(interval.End);
            }
        }

        boundaries.Sort();
        var segments = new List<CompositeSegment>();
        var cursors = new int[selected.Count];
        Span<int> best = stackalloc int[SlotCount];
        Span<int> bestInterval = stackalloc int[SlotCount];
        long previous = long.MinValue;
        for (var b = 0; b < boundaries.Count; b++)
        {
            var t = boundaries[b];
            if (t == previous || t >= to)
            {
                continue;
            }

            previous = t;
            var next = NextBoundary(boundaries, b, to);
            best.Fill(-1);
            for (var p = 0; p < selected.Count; p++)
            {
                var intervals = selected[p].Intervals;
                while (cursors[p] < intervals.Count && intervals[cursors[p]].End <= t)
                {
                    cursors[p]++;
                }

                if (cursors[p] >= intervals.Count || intervals[cursors[p]].Start > t)
                {
                    continue;
                }

                var slot = (int)selected[p].Slot;
                if (best[slot] < 0 || Outranks(selected[p].Profile, selected[best[slot]].Profile))
                {
                    best[slot] = p;
                    bestInterval[slot] = cursors[p];
                }
            }

            var segment = Merge(selected, best, bestInterval, input, supplyPhases, t, next);
            if (segments.Count > 0 && segments[^1].SameLimitAs(segment))
            {
                segments[^1] = segments[^1] with { End = segment.End };
            }
            else
            {
                segments.Add(segment);
            }
        }

        return new CompositeSchedule(input.EvseId, input.Start, segments);
    }

    /// <summary>Whether a profile takes part in the composite of <see cref="CompositeScheduleInput.EvseId"/>, and in which purpose slot.</summary>
    private static bool Applies(InstalledChargingProfile installed, CompositeScheduleInput input, out ProfileSlot slot)
    {
        var evse = installed.EvseId;
        var stationLevel = evse == 0;
        var here = stationLevel || evse == input.EvseId;
        slot = installed.Profile.ChargingProfilePurpose switch
        {
            ChargingProfilePurposeEnumType.ChargingStationMaxProfile => ProfileSlot.StationMax,
            ChargingProfilePurposeEnumType.ChargingStationExternalConstraints => ProfileSlot.ExternalConstraints,
            ChargingProfilePurposeEnumType.TxDefaultProfile => ProfileSlot.TxDefault,
            ChargingProfilePurposeEnumType.TxProfile => ProfileSlot.Tx,
            ChargingProfilePurposeEnumType.PriorityCharging => ProfileSlot.Priority,
            _ => ProfileSlot.LocalGeneration,
        };

        if (input.EvseId == 0)
        {
            return stationLevel && slot is ProfileSlot.StationMax or ProfileSlot.ExternalConstraints or ProfileSlot.LocalGeneration;
        }

        return slot switch
        {
            ProfileSlot.StationMax => stationLevel,
            ProfileSlot.Tx => evse == input.EvseId && input.TransactionId is { } tx && string.Equals(installed.Profile.TransactionId, tx, StringComparison.Ordinal),
            ProfileSlot.Priority => here && input.PriorityChargingActive,
            _ => here,
        };
    }

    // Higher stackLevel wins (K01.FR.17); at equal level (only possible across EVSE 0 and a specific EVSE, which
    // K01.FR.52/53 forbid for TxDefault) the more specific EVSE wins.
    private static bool Outranks(InstalledChargingProfile candidate, InstalledChargingProfile current) =>
        candidate.Profile.StackLevel > current.Profile.StackLevel
        || (candidate.Profile.StackLevel == current.Profile.StackLevel && candidate.EvseId > current.EvseId);

    private static long NextBoundary(List<long> boundaries, int index, long to)
    {
        var t = boundaries[index];
        for (var i = index + 1; i < boundaries.Count; i++)
        {
            if (boundaries[i] > t)
            {
                return Math.Min(boundaries[i], to);
            }
        }

        return to;
    }

    private static CompositeSegment Merge(
        List<(InstalledChargingProfile Profile, ProfileSlot Slot, List<ProfileInterval> Intervals)> selected,
        ReadOnlySpan<int> best,
        ReadOnlySpan<int> bestInterval,
        CompositeScheduleInput input,
        int supplyPhases,
        long start,
        long end)
    {
        var capA = double.PositiveInfinity;
        var capW = double.PositiveInfinity;
        var phases = supplyPhases;
        int? phaseToUse = null;
        var minRate = 0.0;
        var mode = OperationModeEnumType.ChargingOnly;

        var txSlot = best[(int)ProfileSlot.Priority] >= 0 ? ProfileSlot.Priority
            : best[(int)ProfileSlot.Tx] >= 0 ? ProfileSlot.Tx
            : ProfileSlot.TxDefault;
        foreach (var slot in (ReadOnlySpan<ProfileSlot>)[ProfileSlot.StationMax, ProfileSlot.ExternalConstraints, txSlot])
        {
            var p = best[(int)slot];
            if (p < 0)
            {
                continue;
            }

            var interval = selected[p].Intervals[bestInterval[(int)slot]];
            capA = Math.Min(capA, interval.CapA);
            capW = Math.Min(capW, interval.CapW);
            phases = Math.Min(phases, interval.Phases);
            if (slot == txSlot)
            {
                phaseToUse = interval.Phases == 1 ? interval.PhaseToUse : null;
                minRate = interval.MinRateA;
                mode = interval.Mode;
            }
        }

        double genA = 0, genW = 0;
        if (best[(int)ProfileSlot.LocalGeneration] is var g and >= 0)
        {
            var interval = selected[g].Intervals[bestInterval[(int)ProfileSlot.LocalGeneration]];
            genA = double.IsPositiveInfinity(interval.CapA) ? 0 : interval.CapA;
            genW = double.IsPositiveInfinity(interval.CapW) ? 0 : interval.CapW;
        }

        return new CompositeSegment(
            new DateTimeOffset(start, TimeSpan.Zero),
            new DateTimeOffset(end, TimeSpan.Zero),
            capA,
            capW,
            genA,
            genW,
            Math.Max(1, phases),
            phaseToUse,
            input.MaxCurrentA,
            input.NominalVoltageV,
            minRate)
        {
            OperationMode = mode,
        };
    }
}
