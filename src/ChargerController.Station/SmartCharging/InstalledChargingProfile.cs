using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.SmartCharging;

/// <summary>A charging profile the station holds: where it applies, who set it and when it arrived.</summary>
/// <param name="EvseId">The EVSE it was set for; 0 = the station (grid connection), or every EVSE for TxDefaultProfile (K01.FR.14).</param>
/// <param name="Profile">The profile as received (Dynamic profiles carry their latest update, K28.FR.09).</param>
/// <param name="ChargingLimitSource">The chargingLimitSource reported in ReportChargingProfiles: <c>CSO</c> for CSMS profiles, else the external source (e.g. <c>EMS</c>).</param>
/// <param name="InstalledAt">When it was installed (anchor of Dynamic profiles without startSchedule).</param>
public sealed record InstalledChargingProfile(int EvseId, ChargingProfileType Profile, string ChargingLimitSource, DateTimeOffset InstalledAt)
{
    /// <summary>The chargingLimitSource of profiles the CSMS set (K09: ReportChargingProfiles).</summary>
    public const string CsoSource = "CSO";

    /// <summary>Gets the profile id.</summary>
    public int Id => Profile.Id;
}
