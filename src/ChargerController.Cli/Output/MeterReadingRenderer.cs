using System.Globalization;
using System.Text.Json;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;

namespace ChargerController.Cli.Output;

/// <summary>Prints a meter snapshot as text or JSON.</summary>
public static class MeterReadingRenderer
{
    /// <summary>Maps a reading to the JSON contract.</summary>
    /// <param name="reading">The reading.</param>
    /// <returns>The JSON document.</returns>
    public static MeterReadingJson ToJson(MeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new MeterReadingJson
        {
            VoltageV = reading.VoltageV,
            CurrentA = reading.CurrentA,
            PowerW = reading.TotalPowerW,
            EnergyImportWh = reading.EnergyImportWh,
            EnergyExportWh = reading.EnergyExportWh,
            FrequencyHz = reading.FrequencyHz,
        };
    }

    /// <summary>Writes the reading.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="reading">The reading.</param>
    /// <param name="profile">The profile used.</param>
    /// <param name="port">The port.</param>
    /// <param name="address">The slave address.</param>
    /// <param name="json">JSON instead of text.</param>
    public static void Write(TextWriter output, MeterReading reading, MeterProfile profile, string port, byte address, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(profile);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(ToJson(reading), CliJsonContext.Default.MeterReadingJson));
            return;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"meter {profile.Name} ({profile.Manufacturer} {profile.Model}) on {port}, address {address}");
        output.WriteLine(Row("voltage", reading.VoltageV, "V", "F1"));
        output.WriteLine(Row("current", reading.CurrentA, "A", "F2"));
        output.WriteLine(Row("power", reading.PowerW, "W", "F0"));
        output.WriteLine(string.Create(c, $"{"power total",-14}{reading.TotalPowerW,10:F0} W"));
        output.WriteLine(string.Create(c, $"{"energy import",-14}{reading.EnergyImportWh / 1000,10:F3} kWh"));
        output.WriteLine(reading.EnergyExportWh is { } export ? string.Create(c, $"{"energy export",-14}{export / 1000,10:F3} kWh") : $"{"energy export",-14}{"-",10}");
        output.WriteLine(reading.FrequencyHz is { } hz ? string.Create(c, $"{"frequency",-14}{hz,10:F2} Hz") : $"{"frequency",-14}{"-",10}");
    }

    private static string Row(string label, IReadOnlyList<double> values, string unit, string format) =>
        values.Count == 0
            ? $"{label,-14}{"-",10}"
            : $"{label,-14}{string.Concat(values.Select(v => v.ToString(format, CultureInfo.InvariantCulture).PadLeft(10)))} {unit}";
}
