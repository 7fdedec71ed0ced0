namespace ChargerController.Station.Tariffs;

/// <summary>Host facts of the tariff block.</summary>
public sealed record TariffOptions
{
    /// <summary>Gets the station's local time zone: tariff conditions are in local time (I07.FR.17). Default: the system's.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Gets how often the block looks at running transactions (samples per Interval[Tariff], running cost per Interval[Cost]).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how long a meter read may take.</summary>
    public TimeSpan MeterReadTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets how many driver tariffs without a transaction are kept (oldest dropped first; I08.FR.07 ends them at EVConnectionTimeOut).</summary>
    public int MaxDriverTariffs { get; init; } = 32;
}
