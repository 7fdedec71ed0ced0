using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>One schedule ready to be placed on the time line: its periods with their effective (possibly randomized) starts.</summary>
/// <param name="Schedule">The schedule.</param>
/// <param name="Periods">Its periods.</param>
/// <param name="Starts">Effective start per period in seconds, or <see cref="Randomization.RandomizedPeriods.Skipped"/>.</param>
/// <param name="VoltageV">Nominal voltage for W ↔ A.</param>
internal sealed record Placement(ChargingScheduleType Schedule, ChargingSchedulePeriodType[] Periods, long[] Starts, double VoltageV);
