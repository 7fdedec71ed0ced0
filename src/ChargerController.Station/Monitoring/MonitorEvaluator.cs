using System.Globalization;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Monitoring;

/// <summary>
/// The value-driven monitor rules of N07 as pure functions: UpperThreshold/LowerThreshold (N07.FR.16/17, strictly
/// above/below, cleared on return N07.FR.02), Delta (numeric: more than ± value since the reference N07.FR.18;
/// otherwise any change N07.FR.19), TargetDelta/TargetDeltaRelative against the Target attribute (N07.FR.22/23).
/// Periodic monitors are time-driven and never trigger here.
/// </summary>
public static class MonitorEvaluator
{
    /// <summary>Evaluates a monitor against the variable's new Actual value.</summary>
    /// <param name="type">Monitor type.</param>
    /// <param name="monitorValue">The monitor's value.</param>
    /// <param name="state">State before.</param>
    /// <param name="actual">The new Actual value (null when unset).</param>
    /// <param name="target">The Target value, for the target monitors (null when unknown).</param>
    /// <param name="numeric">Whether the variable is integer/decimal.</param>
    /// <returns>The outcome and the next state.</returns>
    public static MonitorOutcome Evaluate(MonitorEnumType type, decimal monitorValue, MonitorState state, string? actual, string? target, bool numeric)
    {
        switch (type)
        {
            case MonitorEnumType.UpperThreshold:
                return Threshold(state, TryNumber(actual, out var upper) ? upper > monitorValue : null);
            case MonitorEnumType.LowerThreshold:
                return Threshold(state, TryNumber(actual, out var lower) ? lower < monitorValue : null);
            case MonitorEnumType.TargetDelta:
                return Threshold(state, TryNumber(actual, out var a1) && TryNumber(target, out var t1) ? Math.Abs(a1 - t1) > monitorValue : null);
            case MonitorEnumType.TargetDeltaRelative:
                return Threshold(state, TryNumber(actual, out var a2) && TryNumber(target, out var t2) ? Math.Abs(a2 - t2) > monitorValue * Math.Abs(t2) : null);
            case MonitorEnumType.Delta:
                return Delta(monitorValue, state, actual, numeric);
            default:
                return new(MonitorOutcomeKind.None, EventTriggerEnumType.Periodic, state);
        }
    }

    /// <summary>The next clock-aligned instant strictly after <paramref name="now"/> for a period (N08.FR.07: 900 s → :00, :15, :30, :45).</summary>
    /// <param name="now">Now.</param>
    /// <param name="period">The period.</param>
    /// <returns>The next aligned instant (aligned to midnight UTC).</returns>
    public static DateTimeOffset NextAligned(DateTimeOffset now, TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive.");
        }

        var utc = now.ToUniversalTime();
        var midnight = new DateTimeOffset(utc.Date, TimeSpan.Zero);
        var elapsed = utc - midnight;
        var periods = (elapsed.Ticks / period.Ticks) + 1;
        return midnight + TimeSpan.FromTicks(periods * period.Ticks);
    }

    /// <summary>Parses an OCPP decimal (invariant culture).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether it is a number.</returns>
    public static bool TryNumber(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static MonitorOutcome Threshold(MonitorState state, bool? exceeded) => exceeded switch
    {
        true when !state.Triggered => new(MonitorOutcomeKind.Triggered, EventTriggerEnumType.Alerting, state with { Triggered = true }),
        false when state.Triggered => new(MonitorOutcomeKind.Cleared, EventTriggerEnumType.Alerting, state with { Triggered = false }),
        _ => new(MonitorOutcomeKind.None, EventTriggerEnumType.Alerting, state),
    };

    private static MonitorOutcome Delta(decimal monitorValue, MonitorState state, string? actual, bool numeric)
    {
        if (state.Reference is null)
        {
            return new(MonitorOutcomeKind.None, EventTriggerEnumType.Delta, state with { Reference = actual });
        }

        bool changed;
        if (numeric && TryNumber(actual, out var now) && TryNumber(state.Reference, out var reference))
        {
            changed = Math.Abs(now - reference) > monitorValue;
        }
        else
        {
            changed = !string.Equals(actual, state.Reference, StringComparison.Ordinal);
        }

        return changed
            ? new(MonitorOutcomeKind.Triggered, EventTriggerEnumType.Delta, state with { Reference = actual })
            : new(MonitorOutcomeKind.None, EventTriggerEnumType.Delta, state);
    }
}
