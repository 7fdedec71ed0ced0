using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging;

namespace ChargerController.Station.Tests.SmartCharging;

/// <summary>Builds charging profiles for tests.</summary>
internal static class TestProfiles
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static ChargingProfileType Profile(
        int id,
        ChargingProfilePurposeEnumType purpose,
        int stackLevel,
        ChargingProfileKindEnumType kind,
        DateTimeOffset? startSchedule,
        ChargingRateUnitEnumType unit,
        int? duration,
        params (int Start, decimal Limit)[] periods) =>
        new()
        {
            Id = id,
            StackLevel = stackLevel,
            ChargingProfilePurpose = purpose,
            ChargingProfileKind = kind,
            ChargingSchedule =
            [
                new ChargingScheduleType
                {
                    Id = 1,
                    StartSchedule = startSchedule,
                    Duration = duration,
                    ChargingRateUnit = unit,
                    ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriodType { StartPeriod = p.Start, Limit = p.Limit })],
                },
            ],
        };

    public static ChargingProfileType Absolute(int id, ChargingProfilePurposeEnumType purpose, int stackLevel, DateTimeOffset start, int? duration, params (int Start, decimal Limit)[] periods) =>
        Profile(id, purpose, stackLevel, ChargingProfileKindEnumType.Absolute, start, ChargingRateUnitEnumType.A, duration, periods);

    public static ChargingProfileType Relative(int id, ChargingProfilePurposeEnumType purpose, int stackLevel, int? duration, params (int Start, decimal Limit)[] periods) =>
        Profile(id, purpose, stackLevel, ChargingProfileKindEnumType.Relative, null, ChargingRateUnitEnumType.A, duration, periods);

    public static InstalledChargingProfile At(int evseId, ChargingProfileType profile) =>
        new(evseId, profile, InstalledChargingProfile.CsoSource, T0);
}
