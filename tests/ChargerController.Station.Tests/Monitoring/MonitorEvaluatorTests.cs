using ChargerController.Ocpp.Enums;
using ChargerController.Station.Monitoring;

namespace ChargerController.Station.Tests.Monitoring;

/// <summary>The value-driven monitor rules of N07 and the clock alignment of N08.</summary>
public sealed class MonitorEvaluatorTests
{
    private static readonly MonitorState Fresh = new(false, null);

    [Theory]
    [InlineData("10", MonitorOutcomeKind.None)]
    [InlineData("10.0001", MonitorOutcomeKind.Triggered)]
    [InlineData("9", MonitorOutcomeKind.None)]
    [InlineData("abc", MonitorOutcomeKind.None)]
    public void N07_FR_16_UpperThreshold_TriggersOnlyAboveNotOnTheThreshold(string value, MonitorOutcomeKind expected)
    {
        var outcome = MonitorEvaluator.Evaluate(MonitorEnumType.UpperThreshold, 10, Fresh, value, null, numeric: true);
        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(EventTriggerEnumType.Alerting, outcome.Trigger);
    }

    [Theory]
    [InlineData("5", MonitorOutcomeKind.None)]
    [InlineData("4.5", MonitorOutcomeKind.Triggered)]
    [InlineData("-1", MonitorOutcomeKind.Triggered)]
    public void N07_FR_17_LowerThreshold_TriggersOnlyBelow(string value, MonitorOutcomeKind expected) =>
        Assert.Equal(expected, MonitorEvaluator.Evaluate(MonitorEnumType.LowerThreshold, 5, Fresh, value, null, numeric: true).Kind);

    [Fact]
    public void N07_FR_02_Threshold_TriggersOnce_ClearsOnReturn_ThenTriggersAgain()
    {
        var state = Fresh;
        var kinds = new List<MonitorOutcomeKind>();
        foreach (var value in new[] { "11", "12", "13", "10", "9", "11" })
        {
            var outcome = MonitorEvaluator.Evaluate(MonitorEnumType.UpperThreshold, 10, state, value, null, numeric: true);
            kinds.Add(outcome.Kind);
            state = outcome.Next;
        }

        Assert.Equal(
            [MonitorOutcomeKind.Triggered, MonitorOutcomeKind.None, MonitorOutcomeKind.None, MonitorOutcomeKind.Cleared, MonitorOutcomeKind.None, MonitorOutcomeKind.Triggered],
            kinds);
    }

    [Fact]
    public void N07_FR_18_NumericDelta_ComparesWithLastReportedValue()
    {
        var state = new MonitorState(false, "100");
        var kinds = new List<MonitorOutcomeKind>();
        foreach (var value in new[] { "104", "105", "106", "110", "111.5", "101" })
        {
            var outcome = MonitorEvaluator.Evaluate(MonitorEnumType.Delta, 5, state, value, null, numeric: true);
            kinds.Add(outcome.Kind);
            state = outcome.Next;
        }

        // 104 and 105 are within ±5 of 100; 106 reports (reference 106); 110 within; 111.5 reports; 101 reports (-10.5).
        Assert.Equal(
            [MonitorOutcomeKind.None, MonitorOutcomeKind.None, MonitorOutcomeKind.Triggered, MonitorOutcomeKind.None, MonitorOutcomeKind.Triggered, MonitorOutcomeKind.Triggered],
            kinds);
        Assert.Equal("101", state.Reference);
    }

    [Fact]
    public void N07_FR_19_NonNumericDelta_TriggersOnEveryChangeWhateverTheValue()
    {
        var state = new MonitorState(false, "Available");
        var first = MonitorEvaluator.Evaluate(MonitorEnumType.Delta, 1000, state, "Occupied", null, numeric: false);
        var same = MonitorEvaluator.Evaluate(MonitorEnumType.Delta, 1000, first.Next, "Occupied", null, numeric: false);
        Assert.Equal((MonitorOutcomeKind.Triggered, EventTriggerEnumType.Delta), (first.Kind, first.Trigger));
        Assert.Equal(MonitorOutcomeKind.None, same.Kind);
    }

    [Theory]
    [InlineData("100", "95", MonitorOutcomeKind.None)]
    [InlineData("100", "89.9", MonitorOutcomeKind.Triggered)]
    [InlineData("100", "110.1", MonitorOutcomeKind.Triggered)]
    [InlineData(null, "200", MonitorOutcomeKind.None)]
    public void N07_FR_22_TargetDelta_AbsoluteDistanceFromTarget(string? target, string actual, MonitorOutcomeKind expected) =>
        Assert.Equal(expected, MonitorEvaluator.Evaluate(MonitorEnumType.TargetDelta, 10, Fresh, actual, target, numeric: true).Kind);

    [Theory]
    [InlineData("95", MonitorOutcomeKind.None)]
    [InlineData("111", MonitorOutcomeKind.Triggered)]
    [InlineData("89", MonitorOutcomeKind.Triggered)]
    public void N07_FR_23_TargetDeltaRelative_FactorOfTarget(string actual, MonitorOutcomeKind expected) =>
        Assert.Equal(expected, MonitorEvaluator.Evaluate(MonitorEnumType.TargetDeltaRelative, 0.1m, Fresh, actual, "100", numeric: true).Kind);

    [Fact]
    public void Periodic_IsTimeDriven_NeverTriggersOnValues() =>
        Assert.Equal(MonitorOutcomeKind.None, MonitorEvaluator.Evaluate(MonitorEnumType.Periodic, 60, Fresh, "1", null, numeric: true).Kind);

    [Theory]
    [InlineData("2025-01-01T12:07:13Z", 900, "2025-01-01T12:15:00Z")]
    [InlineData("2025-01-01T12:15:00Z", 900, "2025-01-01T12:30:00Z")]
    [InlineData("2025-01-01T23:59:59Z", 900, "2025-01-02T00:00:00Z")]
    [InlineData("2025-01-01T12:00:01Z", 7, "2025-01-01T12:00:04Z")]
    public void N08_FR_07_NextAligned_IsTheNextMultipleOfThePeriodAfterMidnight(string now, int seconds, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MonitorEvaluator.NextAligned(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds)));
}
