using ChargerController.Ocpp.DataTypes;

namespace ChargerController.Station.SmartCharging.LocalTime;

/// <summary>Stores useLocalTime schedules so the local wall-clock time survives storage and reporting.</summary>
public static class LocalTimeProfiles
{
    /// <summary>
    /// K01.FR.90: with useLocalTime the offset of startSchedule is disregarded, so <c>18:00+01:00</c> means 18:00 on the
    /// station's wall clock. Profiles are stored and reported with UTC date-times (<c>Z</c>), which would turn it into
    /// <c>17:00Z</c>; rewriting it as <c>18:00Z</c> keeps the meaning through a reboot (K01.FR.27) and in GetChargingProfiles.
    /// </summary>
    /// <param name="profile">The accepted profile.</param>
    /// <returns>The profile to install (the same instance when nothing changes).</returns>
    public static ChargingProfileType Normalize(ChargingProfileType profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ChargingSchedule is not { Length: > 0 } schedules || !schedules.Any(s => s.UseLocalTime == true && s.StartSchedule is { Offset.Ticks: not 0 }))
        {
            return profile;
        }

        var normalized = schedules.Select(s => s.UseLocalTime == true && s.StartSchedule is { } start
            ? s with { StartSchedule = new DateTimeOffset(start.DateTime, TimeSpan.Zero) }
            : s).ToArray();
        return profile with { ChargingSchedule = normalized };
    }
}
