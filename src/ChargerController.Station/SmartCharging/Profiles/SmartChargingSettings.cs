namespace ChargerController.Station.SmartCharging.Profiles;

/// <summary>The SmartChargingCtrlr variables validation depends on, read from the device model per request.</summary>
public sealed record SmartChargingSettings
{
    /// <summary>Gets a value indicating whether A schedules are accepted (SmartChargingCtrlr.RateUnit).</summary>
    public bool AcceptsAmperes { get; init; } = true;

    /// <summary>Gets a value indicating whether W schedules are accepted (SmartChargingCtrlr.RateUnit).</summary>
    public bool AcceptsWatts { get; init; } = true;

    /// <summary>Gets SmartChargingCtrlr.MaxExternalConstraintsId (K01.FR.81), null when not set.</summary>
    public int? MaxExternalConstraintsId { get; init; } = 0;

    /// <summary>Gets a value indicating whether PriorityCharging is in SupportedAdditionalPurposes.</summary>
    public bool PriorityChargingSupported { get; init; } = true;

    /// <summary>Gets a value indicating whether LocalGeneration is in SupportedAdditionalPurposes.</summary>
    public bool LocalGenerationSupported { get; init; } = true;

    /// <summary>Gets a value indicating whether the Dynamic kind is supported (SupportsFeature[DynamicProfiles]).</summary>
    public bool DynamicProfilesSupported { get; init; } = true;

    /// <summary>Gets a value indicating whether useLocalTime is supported (SupportsFeature[UseLocalTime], K01.FR.123).</summary>
    public bool UseLocalTimeSupported { get; init; } = true;

    /// <summary>Gets a value indicating whether randomizedDelay is supported (SupportsFeature[RandomizedDelay], K01.FR.124).</summary>
    public bool RandomizedDelaySupported { get; init; } = true;
}
