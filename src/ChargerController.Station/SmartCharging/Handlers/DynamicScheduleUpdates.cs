using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.SmartCharging.Profiles;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>Applies a ChargingScheduleUpdate to a Dynamic profile (K28): the one period's limits change, dynUpdateTime is set (K28.FR.09).</summary>
internal static class DynamicScheduleUpdates
{
    public static bool TryApply(ChargingProfileSet profiles, int profileId, ChargingScheduleUpdateType update, DateTimeOffset now, out string? reason)
    {
        // An external system's limit (K29.FR.04) belongs to that system: the CSMS cannot change it (as K01.FR.05 forbids a replace).
        if (profiles.Find(profileId) is not { } installed || installed.Profile.ChargingProfileKind != ChargingProfileKindEnumType.Dynamic
            || installed.Profile.ChargingProfilePurpose == ChargingProfilePurposeEnumType.ChargingStationExternalConstraints)
        {
            reason = "InvalidProfileId"; // K28.FR.06: only Dynamic profiles take updates
            return false;
        }

        if (update.Limit is < 0 || update.Limit_L2 is < 0 || update.Limit_L3 is < 0 || update.Setpoint is not null || update.DischargeLimit is not null || update.SetpointReactive is not null)
        {
            reason = "InvalidSchedule";
            return false;
        }

        var schedule = installed.Profile.ChargingSchedule[0];
        var period = schedule.ChargingSchedulePeriod[0] with
        {
            Limit = update.Limit ?? schedule.ChargingSchedulePeriod[0].Limit,
            Limit_L2 = update.Limit_L2,
            Limit_L3 = update.Limit_L3,
        };
        var profile = installed.Profile with
        {
            DynUpdateTime = now,
            ChargingSchedule = [schedule with { ChargingSchedulePeriod = [period] }],
        };
        profiles.Install(installed with { Profile = profile });
        reason = null;
        return true;
    }
}
