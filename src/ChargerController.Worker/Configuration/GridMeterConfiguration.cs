namespace ChargerController.Worker.Configuration;

/// <summary>
/// Section <c>SmartCharging:GridMeter</c>: a second meter at the grid connection measuring the whole site (house and
/// chargers). With it the chargers get what the main fuse leaves after the rest of the site, re-read every
/// <see cref="PollIntervalSeconds"/>.
/// </summary>
public sealed class GridMeterConfiguration
{
    /// <summary>Use a grid meter. Default off. With <c>--simulate</c> a simulated one (house load plus the simulated chargers).</summary>
    public bool Enabled { get; set; }

    /// <summary>Rating of the site's main fuse per phase, amperes. Default 25.</summary>
    public double FuseCurrentA { get; set; } = 25;

    /// <summary>Headroom kept below the fuse, amperes. Default 2.</summary>
    public double MarginA { get; set; } = 2;

    /// <summary>How often the meter is read, seconds. Default 2.</summary>
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>A reading older than this no longer counts and the chargers drop to their minimum, seconds. Default 10.</summary>
    public double StaleAfterSeconds { get; set; } = 10;

    /// <summary>With <c>--simulate</c>: the house's load on each phase besides the chargers, amperes. Default 10.</summary>
    public double SimulatedHouseLoadA { get; set; } = 10;

    /// <summary>Checks the values.</summary>
    /// <returns>The problems, empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled)
        {
            return errors;
        }

        if (!(FuseCurrentA is > 0 and <= 1000))
        {
            errors.Add($"SmartCharging:GridMeter:FuseCurrentA must be above 0 and at most 1000 A (got {SmartChargingConfiguration.Format(FuseCurrentA)}).");
        }

        if (!(MarginA >= 0 && MarginA < FuseCurrentA))
        {
            errors.Add($"SmartCharging:GridMeter:MarginA must be 0 or more and below FuseCurrentA (got {SmartChargingConfiguration.Format(MarginA)}).");
        }

        if (!(PollIntervalSeconds is >= 0.1 and <= 60))
        {
            errors.Add($"SmartCharging:GridMeter:PollIntervalSeconds must be 0.1-60 (got {SmartChargingConfiguration.Format(PollIntervalSeconds)}).");
        }

        if (!(StaleAfterSeconds > PollIntervalSeconds && StaleAfterSeconds <= 600))
        {
            errors.Add($"SmartCharging:GridMeter:StaleAfterSeconds must be longer than PollIntervalSeconds and at most 600 (got {SmartChargingConfiguration.Format(StaleAfterSeconds)}).");
        }

        if (!(SimulatedHouseLoadA is >= 0 and <= 1000))
        {
            errors.Add($"SmartCharging:GridMeter:SimulatedHouseLoadA must be 0-1000 A (got {SmartChargingConfiguration.Format(SimulatedHouseLoadA)}).");
        }

        return errors;
    }
}
