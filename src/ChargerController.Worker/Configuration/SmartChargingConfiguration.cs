using System.Globalization;
using ChargerController.Station.SmartCharging;

namespace ChargerController.Worker.Configuration;

/// <summary>
/// Section <c>SmartCharging</c> of the configuration file: the ratings local load balancing shares (K04) and the optional
/// grid meter that keeps the site under its main fuse. Every key is documented in deploy/config/README.md.
/// </summary>
public sealed class SmartChargingConfiguration
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "SmartCharging";

    /// <summary>Current per phase each EVSE may draw at most (its wiring and breaker), amperes. Default 32.</summary>
    public double EvseMaxCurrentA { get; set; } = 32;

    /// <summary>Current per phase all EVSEs together may draw (the charger's supply), amperes; unset = the sum of the EVSE ratings.</summary>
    public double? StationMaxCurrentA { get; set; }

    /// <summary>Whether schedules with useLocalTime are accepted (OCPP 2.1 SupportsFeature[UseLocalTime]). Default true.</summary>
    public bool SupportsUseLocalTime { get; set; } = true;

    /// <summary>Whether schedules with randomizedDelay are accepted (OCPP 2.1 SupportsFeature[RandomizedDelay]). Default true.</summary>
    public bool SupportsRandomizedDelay { get; set; } = true;

    /// <summary>The OCPP 2.1 profile purposes offered, comma separated: PriorityCharging, LocalGeneration (default both); empty = none.</summary>
    public string SupportedAdditionalPurposes { get; set; } = "PriorityCharging,LocalGeneration";

    /// <summary>The grid (site) meter settings.</summary>
    public GridMeterConfiguration GridMeter { get; set; } = new();

    /// <summary>Checks the values; each problem is one line a technician can act on.</summary>
    /// <returns>The problems, empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(EvseMaxCurrentA is >= 6 and <= 80))
        {
            errors.Add($"SmartCharging:EvseMaxCurrentA must be 6-80 A (got {Format(EvseMaxCurrentA)}).");
        }

        if (StationMaxCurrentA is { } station && !(station is >= 0 and <= 1000))
        {
            errors.Add($"SmartCharging:StationMaxCurrentA must be 0-1000 A (got {Format(station)}).");
        }

        foreach (var purpose in Purposes())
        {
            if (purpose is not ("PriorityCharging" or "LocalGeneration"))
            {
                errors.Add($"SmartCharging:SupportedAdditionalPurposes may only list PriorityCharging and LocalGeneration (got '{purpose}').");
            }
        }

        errors.AddRange(GridMeter.Validate());
        return errors;
    }

    /// <summary>The library options for <paramref name="evses"/> EVSEs.</summary>
    /// <param name="evses">Number of EVSEs.</param>
    /// <returns>The options.</returns>
    public SmartChargingOptions ToOptions(int evses) => new()
    {
        Evses = [.. Enumerable.Range(1, evses).Select(id => new SmartChargingEvseOptions { EvseId = id, MaxCurrentA = EvseMaxCurrentA })],
        StationMaxCurrentA = StationMaxCurrentA,
        SupportsUseLocalTime = SupportsUseLocalTime,
        SupportsRandomizedDelay = SupportsRandomizedDelay,
        SupportedAdditionalPurposes = Purposes(),
        GridMeter = GridMeter.Enabled
            ? new GridMeterOptions
            {
                FuseCurrentA = GridMeter.FuseCurrentA,
                MarginA = GridMeter.MarginA,
                PollInterval = TimeSpan.FromSeconds(GridMeter.PollIntervalSeconds),
                StaleAfter = TimeSpan.FromSeconds(GridMeter.StaleAfterSeconds),
            }
            : null,
    };

    private string[] Purposes() => (SupportedAdditionalPurposes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
