namespace ChargerController.Station.SmartCharging;

/// <summary>The optional meter at the grid connection (house + chargers) that keeps the site under its main fuse.</summary>
public sealed record GridMeterOptions
{
    /// <summary>Gets the main fuse rating per phase, amperes.</summary>
    public double FuseCurrentA { get; init; } = 25.0;

    /// <summary>Gets the headroom kept below the fuse, amperes.</summary>
    public double MarginA { get; init; } = 2.0;

    /// <summary>Gets how often the meter is read.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how long a reading stays usable; after that the chargers fall back to the minimum (the site load is unknown).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(10);
}
