using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.DataTypes;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.MeterValues;

/// <summary>
/// Turns a <see cref="MeterReading"/> into OCPP sampled values (J01/J02): one value per configured measurand, per phase
/// where the meter measures phases, in the units of Part 2 §2.49 (Wh, W, A, V). Energy registers are the meter's
/// own register, never re-based (J02.FR.16/17).
/// </summary>
public static class MeterValueBuilder
{
    private static readonly PhaseEnumType[] Lines = [PhaseEnumType.L1, PhaseEnumType.L2, PhaseEnumType.L3];
    private static readonly PhaseEnumType[] LineToNeutral = [PhaseEnumType.L1N, PhaseEnumType.L2N, PhaseEnumType.L3N];

    /// <summary>Builds one meter value.</summary>
    /// <param name="reading">The meter snapshot.</param>
    /// <param name="measurands">What to report.</param>
    /// <param name="context">The reading context (Transaction.Begin, Sample.Periodic …).</param>
    /// <param name="timestamp">The timestamp to give it (the clock boundary for Sample.Clock).</param>
    /// <param name="offeredCurrentA">Current the EVSE offers, amperes per phase (Current.Offered, Power.Offered).</param>
    /// <param name="registerValuesWithoutPhases">SampledDataCtrlr.RegisterValuesWithoutPhases: energy registers as totals only.</param>
    /// <returns>The meter value, or <see langword="null"/> when no measurand could be filled.</returns>
    public static MeterValueType? Build(MeterReading reading, IReadOnlyList<MeasurandEnumType> measurands, ReadingContextEnumType context, DateTimeOffset timestamp, double offeredCurrentA, bool registerValuesWithoutPhases = true)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(measurands);
        var values = new List<SampledValueType>();
        foreach (var measurand in measurands)
        {
            Add(values, reading, measurand, context, offeredCurrentA);
        }

        _ = registerValuesWithoutPhases; // The meters of this station give no per-phase registers: totals either way.
        return values.Count == 0 ? null : new MeterValueType { Timestamp = timestamp, SampledValue = [.. values] };
    }

    private static void Add(List<SampledValueType> values, MeterReading reading, MeasurandEnumType measurand, ReadingContextEnumType context, double offeredCurrentA)
    {
        var phases = reading.CurrentA.Count;
        switch (measurand)
        {
            case MeasurandEnumType.EnergyActiveImportRegister:
                values.Add(Value(reading.EnergyImportWh, measurand, context, null, "Wh"));
                break;
            case MeasurandEnumType.EnergyActiveExportRegister when reading.EnergyExportWh is { } export:
                values.Add(Value(export, measurand, context, null, "Wh"));
                break;
            case MeasurandEnumType.PowerActiveImport:
                values.Add(Value(Math.Max(0, reading.TotalPowerW), measurand, context, null, "W"));
                if (reading.PowerW.Count > 1)
                {
                    for (var i = 0; i < reading.PowerW.Count && i < 3; i++)
                    {
                        values.Add(Value(Math.Max(0, reading.PowerW[i]), measurand, context, Lines[i], "W"));
                    }
                }

                break;
            case MeasurandEnumType.PowerActiveExport:
                values.Add(Value(Math.Max(0, -reading.TotalPowerW), measurand, context, null, "W"));
                break;
            case MeasurandEnumType.CurrentImport:
                for (var i = 0; i < phases && i < 3; i++)
                {
                    values.Add(Value(reading.CurrentA[i], measurand, context, Lines[i], "A"));
                }

                break;
            case MeasurandEnumType.Voltage:
                for (var i = 0; i < reading.VoltageV.Count && i < 3; i++)
                {
                    values.Add(Value(reading.VoltageV[i], measurand, context, LineToNeutral[i], "V"));
                }

                break;
            case MeasurandEnumType.Frequency when reading.FrequencyHz is { } hz:
                values.Add(Value(hz, measurand, context, null, null));
                break;
            case MeasurandEnumType.CurrentOffered:
                values.Add(Value(offeredCurrentA, measurand, context, null, "A"));
                break;
            case MeasurandEnumType.PowerOffered:
                var volts = reading.VoltageV.Count > 0 ? reading.VoltageV.Average() : 230.0;
                values.Add(Value(offeredCurrentA * volts * Math.Max(1, phases), measurand, context, null, "W"));
                break;
            default:
                // Not measured by this station's meters (SoC, reactive energy …): left out rather than faked.
                break;
        }
    }

    private static SampledValueType Value(double value, MeasurandEnumType measurand, ReadingContextEnumType context, PhaseEnumType? phase, string? unit) => new()
    {
        Value = double.IsFinite(value) ? decimal.Round((decimal)value, 3) : 0m,
        Measurand = measurand,
        Context = context,
        Phase = phase,
        UnitOfMeasure = unit is null ? null : new UnitOfMeasureType { Unit = unit },
    };
}
