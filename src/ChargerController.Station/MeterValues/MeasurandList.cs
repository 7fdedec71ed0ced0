using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.MeterValues;

/// <summary>Parses the measurand member lists of SampledDataCtrlr / AlignedDataCtrlr.</summary>
public static class MeasurandList
{
    /// <summary>Parses <c>Energy.Active.Import.Register,Current.Import,…</c>; unknown members are skipped.</summary>
    /// <param name="value">The variable value.</param>
    /// <returns>The measurands in the order given, without duplicates.</returns>
    public static IReadOnlyList<MeasurandEnumType> Parse(string? value)
    {
        var list = new List<MeasurandEnumType>();
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The C# member names are the wire names without the dots ("Energy.Active.Import.Register" → EnergyActiveImportRegister).
            if (Enum.TryParse<MeasurandEnumType>(part.Replace(".", string.Empty, StringComparison.Ordinal), ignoreCase: false, out var measurand) && !list.Contains(measurand))
            {
                list.Add(measurand);
            }
        }

        return list;
    }
}
