using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.SmartCharging.Handlers;

/// <summary>The filters of GetChargingProfiles (K09) and ClearChargingProfile (K10); all given fields must match (logical AND).</summary>
internal static class ChargingProfileCriteria
{
    /// <summary>K09.FR.03-06: evseId &gt; 0 = that EVSE, 0 = station level only, absent = all; then the criterion fields.</summary>
    public static bool Matches(InstalledChargingProfile installed, int? evseId, ChargingProfileCriterionType criterion)
    {
        if (evseId is { } evse && installed.EvseId != evse)
        {
            return false;
        }

        var profile = installed.Profile;
        if (criterion.ChargingProfileId is { Length: > 0 } ids && !ids.Contains(profile.Id))
        {
            return false;
        }

        return (criterion.ChargingProfilePurpose is not { } purpose || profile.ChargingProfilePurpose == purpose)
            && (criterion.StackLevel is not { } level || profile.StackLevel == level)
            && (criterion.ChargingLimitSource is not { Length: > 0 } sources || sources.Contains(installed.ChargingLimitSource, StringComparer.Ordinal));
    }

    /// <summary>K10.FR.04/08: the CSMS never clears ChargingStationExternalConstraints or LocalGeneration profiles.</summary>
    public static bool Clearable(InstalledChargingProfile installed) =>
        installed.Profile.ChargingProfilePurpose is not (ChargingProfilePurposeEnumType.ChargingStationExternalConstraints or ChargingProfilePurposeEnumType.LocalGeneration);

    /// <summary>K10.FR.04: evseId, purpose and stackLevel, each when given.</summary>
    public static bool Matches(InstalledChargingProfile installed, ClearChargingProfileType criteria) =>
        (criteria.EvseId is not { } evse || installed.EvseId == evse)
        && (criteria.ChargingProfilePurpose is not { } purpose || installed.Profile.ChargingProfilePurpose == purpose)
        && (criteria.StackLevel is not { } level || installed.Profile.StackLevel == level);
}
