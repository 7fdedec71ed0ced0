using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>The result of <see cref="CompositeScheduleCalculator"/>: consecutive slots covering the requested window.</summary>
public sealed class CompositeSchedule
{
    /// <summary>Initializes a new instance of the <see cref="CompositeSchedule"/> class.</summary>
    /// <param name="evseId">The EVSE (0 = station).</param>
    /// <param name="start">Window start.</param>
    /// <param name="segments">Slots in time order.</param>
    public CompositeSchedule(int evseId, DateTimeOffset start, IReadOnlyList<CompositeSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        EvseId = evseId;
        Start = start;
        Segments = segments;
    }

    /// <summary>Gets the EVSE.</summary>
    public int EvseId { get; }

    /// <summary>Gets the window start.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the slots.</summary>
    public IReadOnlyList<CompositeSegment> Segments { get; }

    /// <summary>The slot in force at <paramref name="instant"/>, or null outside the window.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The slot or null.</returns>
    public CompositeSegment? At(DateTimeOffset instant)
    {
        foreach (var segment in Segments)
        {
            if (segment.Start <= instant && instant < segment.End)
            {
                return segment;
            }
        }

        return null;
    }

    /// <summary>
    /// The CompositeScheduleType for GetCompositeSchedule (K08): one period per slot, limits in <paramref name="unit"/> for the
    /// slot's numberPhases, rounded down to 0.1 so the report never promises more than the station will allow.
    /// </summary>
    /// <param name="unit">A or W.</param>
    /// <returns>The OCPP schedule.</returns>
    public CompositeScheduleType ToOcpp(ChargingRateUnitEnumType unit)
    {
        var periods = new ChargingSchedulePeriodType[Segments.Count];
        var end = Start;
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            var limit = unit == ChargingRateUnitEnumType.W ? segment.LimitW() : segment.LimitA();
            periods[i] = new ChargingSchedulePeriodType
            {
                StartPeriod = (int)Math.Round((segment.Start - Start).TotalSeconds),
                // Q10.FR.01: an Idle period carries no limit.
                Limit = segment.OperationMode == OperationModeEnumType.Idle ? null : RoundDown(limit),
                NumberPhases = segment.NumberPhases,
                PhaseToUse = segment.PhaseToUse,

                // Absent means ChargingOnly (Part 2 ChargingSchedulePeriodType), so only another mode is written.
                OperationMode = segment.OperationMode == OperationModeEnumType.ChargingOnly ? null : segment.OperationMode,
            };
            end = segment.End;
        }

        return new CompositeScheduleType
        {
            EvseId = EvseId,
            ScheduleStart = Start,
            Duration = (int)Math.Round((end - Start).TotalSeconds),
            ChargingRateUnit = unit,
            ChargingSchedulePeriod = periods,
        };
    }

    private static decimal RoundDown(double value) => Math.Floor((decimal)value * 10m + 0.000001m) / 10m;
}
