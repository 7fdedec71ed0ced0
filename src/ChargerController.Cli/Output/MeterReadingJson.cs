using System.Text.Json.Serialization;

namespace ChargerController.Cli.Output;

/// <summary>The <c>meter read --json</c> document; the key names are a contract for scripts.</summary>
public sealed record MeterReadingJson
{
    /// <summary>Voltage per phase L1..L3, volts.</summary>
    [JsonPropertyName("voltageV")]
    public required IReadOnlyList<double> VoltageV { get; init; }

    /// <summary>Current per phase L1..L3, amperes.</summary>
    [JsonPropertyName("currentA")]
    public required IReadOnlyList<double> CurrentA { get; init; }

    /// <summary>Total active power, watts.</summary>
    [JsonPropertyName("powerW")]
    public required double PowerW { get; init; }

    /// <summary>Imported energy register, watt-hours.</summary>
    [JsonPropertyName("energyImportWh")]
    public required double EnergyImportWh { get; init; }

    /// <summary>Exported energy register, watt-hours; null when the meter has none.</summary>
    [JsonPropertyName("energyExportWh")]
    public double? EnergyExportWh { get; init; }

    /// <summary>Grid frequency, hertz; null when the meter has none.</summary>
    [JsonPropertyName("frequencyHz")]
    public double? FrequencyHz { get; init; }
}
