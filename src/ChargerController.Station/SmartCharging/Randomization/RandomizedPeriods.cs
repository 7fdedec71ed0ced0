using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.SmartCharging.Randomization;

/// <summary>
/// Where the periods of a randomized schedule start (Part 2 K01.FR.92-94, errata 2025-09 K01.FR.97). Pure arithmetic.
/// </summary>
public static class RandomizedPeriods
{
    /// <summary>Marks a period that does not run at all.</summary>
    public const long Skipped = -1;

    /// <summary>
    /// Computes the effective start (seconds from the schedule start) of every period: startPeriod plus its delay, the
    /// first period (startPeriod 0) never delayed (K01.FR.92); startSchedule and duration never move (K01.FR.94). A period
    /// whose delayed start is at or after the delayed start of a later period that runs, or at or after the duration, is
    /// skipped and the period before it runs on (K01.FR.97). Without delays this is just startPeriod, minus the periods
    /// at or after the duration (K01.FR.11).
    /// </summary>
    /// <param name="periods">The schedule's periods (startPeriod increasing, first 0).</param>
    /// <param name="delays">Delay in seconds per period (index 0 ignored), or null for none.</param>
    /// <param name="durationSeconds">The schedule's duration, or null for open-ended.</param>
    /// <param name="starts">Receives the effective start per period, or <see cref="Skipped"/>; as long as <paramref name="periods"/>.</param>
    public static void EffectiveStarts(IReadOnlyList<ChargingSchedulePeriodType> periods, IReadOnlyList<int>? delays, long? durationSeconds, Span<long> starts)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (starts.Length < periods.Count)
        {
            throw new ArgumentException("starts is shorter than periods", nameof(starts));
        }

        // Walk backwards: a period runs only when it starts before the next period that runs (or the schedule end).
        var end = durationSeconds ?? long.MaxValue;
        for (var i = periods.Count - 1; i >= 0; i--)
        {
            long start = periods[i].StartPeriod;
            if (start > 0 && delays is not null && i < delays.Count)
            {
                start += Math.Max(0, delays[i]);
            }

            if (start >= end)
            {
                starts[i] = Skipped;
                continue;
            }

            starts[i] = start;
            end = start;
        }
    }
}
