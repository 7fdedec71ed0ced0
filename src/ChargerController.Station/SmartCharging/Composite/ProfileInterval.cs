using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Composite;

/// <summary>One schedule period of one profile placed on the time line (UTC ticks, end exclusive).</summary>
/// <param name="Start">Start, UTC ticks.</param>
/// <param name="End">End, UTC ticks.</param>
/// <param name="CapA">Limit in A per phase, +∞ when the schedule is in W or the period has no limit.</param>
/// <param name="CapW">Limit in W, +∞ when the schedule is in A or the period has no limit.</param>
/// <param name="Phases">numberPhases (3 when absent, K01.FR.49).</param>
/// <param name="PhaseToUse">phaseToUse or null.</param>
/// <param name="MinRateA">minChargingRate in A per phase (0 when absent).</param>
/// <param name="Mode">operationMode of the period (ChargingOnly when absent).</param>
internal readonly record struct ProfileInterval(long Start, long End, double CapA, double CapW, int Phases, int? PhaseToUse, double MinRateA, OperationModeEnumType Mode);
