namespace ChargerController.Station.SmartCharging;

/// <summary>Configuration of smart charging and local load balancing (appsettings section <c>SmartCharging</c>).</summary>
public sealed record SmartChargingOptions
{
    /// <summary>Gets the EVSEs.</summary>
    public IReadOnlyList<SmartChargingEvseOptions> Evses { get; init; } = [new SmartChargingEvseOptions()];

    /// <summary>Gets the nominal line-to-neutral voltage for W ↔ A (K01.FR.50: the set voltage of the area).</summary>
    public double NominalVoltageV { get; init; } = 230.0;

    /// <summary>
    /// Gets the station-wide maximum current per phase shared by all EVSEs (local load balancing, K04); null = the sum of the
    /// EVSE ratings. A ChargingStationMaxProfile lowers it further.
    /// </summary>
    public double? StationMaxCurrentA { get; init; }

    /// <summary>Gets the lowest current at which charging is worthwhile (IEC 61851-1: 6 A); below it the EVSE pauses.</summary>
    public double MinimumCurrentA { get; init; } = 6.0;

    /// <summary>Gets the largest number of profiles kept (SmartChargingCtrlr.Entries[ChargingProfiles] maxLimit).</summary>
    public int MaxProfiles { get; init; } = 48;

    /// <summary>Gets the highest accepted stackLevel (SmartChargingCtrlr.ProfileStackLevel).</summary>
    public int MaxStackLevel { get; init; } = 8;

    /// <summary>Gets the most chargingSchedulePeriods per schedule (SmartChargingCtrlr.PeriodsPerSchedule).</summary>
    public int PeriodsPerSchedule { get; init; } = 48;

    /// <summary>Gets how many profiles one ReportChargingProfilesRequest carries (K09 paging).</summary>
    public int ProfilesPerReport { get; init; } = 8;

    /// <summary>Gets the grid (site) meter settings; null = no grid meter.</summary>
    public GridMeterOptions? GridMeter { get; init; }

    /// <summary>Gets how long a 1/3-phase decision holds before the next one (avoids flapping; the EVSE adds its own dwell).</summary>
    public TimeSpan PhaseSwitchHoldTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets how many writes of a persistent profile purpose (ChargingStationMaxProfile, TxDefaultProfile, PriorityCharging)
    /// are accepted back to back before K01.FR.56 rate limiting starts; 0 = no limit.
    /// </summary>
    public int PersistentProfileWriteBurst { get; init; } = 30;

    /// <summary>Gets how often one more persistent write per purpose is allowed once the burst is used up.</summary>
    public TimeSpan PersistentProfileWriteInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets a value indicating whether schedules with useLocalTime are accepted (SupportsFeature[UseLocalTime], K01.FR.123);
    /// local time comes from ClockCtrlr.TimeZone / TimeOffset. Default true.
    /// </summary>
    public bool SupportsUseLocalTime { get; init; } = true;

    /// <summary>Gets a value indicating whether schedules with randomizedDelay are accepted (SupportsFeature[RandomizedDelay], K01.FR.124). Default true.</summary>
    public bool SupportsRandomizedDelay { get; init; } = true;

    /// <summary>
    /// Gets the 2.1 purposes offered (SmartChargingCtrlr.SupportedAdditionalPurposes, K01.FR.120): any of
    /// <c>PriorityCharging</c> and <c>LocalGeneration</c>. Default both.
    /// </summary>
    public IReadOnlyList<string> SupportedAdditionalPurposes { get; init; } = ["PriorityCharging", "LocalGeneration"];

    /// <summary>Gets the EVSE options of <paramref name="evseId"/>, or null.</summary>
    /// <param name="evseId">EVSE id.</param>
    /// <returns>The options.</returns>
    public SmartChargingEvseOptions? Evse(int evseId)
    {
        foreach (var evse in Evses)
        {
            if (evse.EvseId == evseId)
            {
                return evse;
            }
        }

        return null;
    }

    /// <summary>Gets the station maximum per phase: <see cref="StationMaxCurrentA"/> or the sum of the EVSE ratings.</summary>
    /// <returns>Amperes per phase.</returns>
    public double StationMaximumA() => StationMaxCurrentA ?? Evses.Sum(e => e.MaxCurrentA);
}
