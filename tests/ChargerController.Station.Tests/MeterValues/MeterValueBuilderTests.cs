using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.MeterValues;

namespace ChargerController.Station.Tests.MeterValues;

public sealed class MeterValueBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_WireNames_InOrder_UnknownAndDuplicatesSkipped()
    {
        var list = MeasurandList.Parse("Energy.Active.Import.Register, Current.Import,Bogus,Current.Import,SoC");
        Assert.Equal([MeasurandEnumType.EnergyActiveImportRegister, MeasurandEnumType.CurrentImport, MeasurandEnumType.SoC], list);
        Assert.Empty(MeasurandList.Parse(null));
    }

    [Fact]
    public void Build_SinglePhaseMeter_OnePhaseValues_RegisterAsTotal_UnitsPerPart2()
    {
        var reading = new MeterReading(At, [231.0], [15.9], [3672.9], 3672.9, 12345.678, null, 50.01);
        var value = MeterValueBuilder.Build(reading, MeasurandList.Parse("Energy.Active.Import.Register,Current.Import,Voltage,Power.Active.Import,Frequency"), ReadingContextEnumType.SamplePeriodic, At, 16)!;

        Assert.Equal(At, value.Timestamp);
        var register = value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.EnergyActiveImportRegister);
        Assert.Equal(12345.678m, register.Value);
        Assert.Null(register.Phase);
        Assert.Equal("Wh", register.UnitOfMeasure!.Unit);
        var current = value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.CurrentImport);
        Assert.Equal(PhaseEnumType.L1, current.Phase);
        Assert.Equal("A", current.UnitOfMeasure!.Unit);
        Assert.Equal(PhaseEnumType.L1N, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.Voltage).Phase);

        // A single-phase meter gives the total only for power (no per-phase duplicate).
        Assert.Single(value.SampledValue, s => s.Measurand == MeasurandEnumType.PowerActiveImport);
        Assert.Equal(50.01m, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.Frequency).Value);
        Assert.All(value.SampledValue, s => Assert.Equal(ReadingContextEnumType.SamplePeriodic, s.Context));
    }

    [Fact]
    public void Build_ThreePhase_PowerTotalAndPerPhase_ExportWhenNegative_OfferedFromPilot()
    {
        var reading = new MeterReading(At, [230.0, 230.0, 230.0], [10, 10, 10], [-2300, -2300, -2300], -6900, 100, 50, null);
        var value = MeterValueBuilder.Build(reading, MeasurandList.Parse("Power.Active.Import,Power.Active.Export,Energy.Active.Export.Register,Current.Offered,Power.Offered,Frequency,SoC"), ReadingContextEnumType.Trigger, At, 16)!;

        Assert.Equal([0m, 0m, 0m, 0m], value.SampledValue.Where(s => s.Measurand == MeasurandEnumType.PowerActiveImport).Select(s => s.Value));
        Assert.Equal(6900m, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.PowerActiveExport).Value);
        Assert.Equal(50m, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.EnergyActiveExportRegister).Value);
        Assert.Equal(16m, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.CurrentOffered).Value);
        Assert.Equal(16m * 230m * 3m, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.PowerOffered).Value);

        // Not measured here: left out, not faked.
        Assert.DoesNotContain(value.SampledValue, s => s.Measurand is MeasurandEnumType.Frequency or MeasurandEnumType.SoC);
    }

    [Fact]
    public void Build_NothingMeasurable_Null()
    {
        var reading = new MeterReading(At, [230.0], [0], [0], 0, 1, null, null);
        Assert.Null(MeterValueBuilder.Build(reading, [MeasurandEnumType.SoC], ReadingContextEnumType.SampleClock, At, 0));
    }
}
