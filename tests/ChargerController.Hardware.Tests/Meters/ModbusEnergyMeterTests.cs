using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Meters;

public sealed class ModbusEnergyMeterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Dumps() => [.. MeterDump.Names];

    [Theory]
    [MemberData(nameof(Dumps))]
    public async Task RecordedDump_DecodesToExpectedSnapshot_InPlannedTransactions(string name)
    {
        var dump = MeterDump.Load(name);
        var profile = new MeterProfileCatalog(null).Get(dump.Profile);
        var master = new InMemoryModbusMaster(dump.ToSlave());
        var meter = new ModbusEnergyMeter(master, profile, 1, _time);

        var reading = await meter.ReadAsync(default);

        AssertSnapshot(dump, reading);
        Assert.Equal(profile.Blocks.Count, master.Transactions);
        Assert.Equal(_time.GetUtcNow(), reading.Timestamp);
    }

    [Fact]
    public async Task Sdm630_FullSnapshot_IsOneTransaction()
    {
        var master = new InMemoryModbusMaster(MeterDump.Load("sdm630").ToSlave());
        await new ModbusEnergyMeter(master, new MeterProfileCatalog(null).Get("sdm630"), 1, _time).ReadAsync(default);
        Assert.Equal([(ModbusFunctionCode.ReadInputRegisters, (ushort)0, (ushort)76)], master.Reads);
    }

    [Theory]
    [InlineData(ModbusErrorKind.Timeout, MeterFault.Timeout)]
    [InlineData(ModbusErrorKind.CrcError, MeterFault.CrcError)]
    [InlineData(ModbusErrorKind.InvalidResponse, MeterFault.CrcError)]
    [InlineData(ModbusErrorKind.SlaveException, MeterFault.ProtocolException)]
    [InlineData(ModbusErrorKind.PortUnavailable, MeterFault.PortUnavailable)]
    public async Task ModbusFailure_BecomesMeterReadException(ModbusErrorKind kind, MeterFault fault)
    {
        var master = new InMemoryModbusMaster(MeterDump.Load("sdm630").ToSlave()) { Fail = kind };
        var meter = new ModbusEnergyMeter(master, new MeterProfileCatalog(null).Get("sdm630"), 1, _time);
        var ex = await Assert.ThrowsAsync<MeterReadException>(() => meter.ReadAsync(default).AsTask());
        Assert.Equal(fault, ex.Fault);
        Assert.Contains("sdm630", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ModbusException>(ex.InnerException);
    }

    [Fact]
    public async Task NaNVoltage_IsInvalidData()
    {
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.Load(ModbusFunctionCode.ReadInputRegisters, 2, [0x7FC0, 0x0000]);
        var meter = new ModbusEnergyMeter(new InMemoryModbusMaster(slave), new MeterProfileCatalog(null).Get("sdm630"), 1, _time);
        var ex = await Assert.ThrowsAsync<MeterReadException>(() => meter.ReadAsync(default).AsTask());
        Assert.Equal(MeterFault.InvalidData, ex.Fault);
        Assert.Contains("VoltageL2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbbNoValueMarker_IsInvalidData()
    {
        var slave = MeterDump.Load("abb-b23").ToSlave();
        slave.Load(ModbusFunctionCode.ReadHoldingRegisters, 0x5000, [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF]);
        var meter = new ModbusEnergyMeter(new InMemoryModbusMaster(slave), new MeterProfileCatalog(null).Get("abb-b23"), 1, _time);
        Assert.Equal(MeterFault.InvalidData, (await Assert.ThrowsAsync<MeterReadException>(() => meter.ReadAsync(default).AsTask())).Fault);
    }

    [Fact]
    public async Task EnergyGoingBackwards_IsInvalidData_AndRecoversWhenItExceedsTheLastGoodValue()
    {
        var slave = MeterDump.Load("sdm630").ToSlave();
        var meter = new ModbusEnergyMeter(new InMemoryModbusMaster(slave), new MeterProfileCatalog(null).Get("sdm630"), 1, _time);
        var first = await meter.ReadAsync(default);

        slave.Load(ModbusFunctionCode.ReadInputRegisters, 72, MeterRegisterDecoder.Encode(12000.0, MeterRegisterType.Float32, MeterWordOrder.Abcd));
        var ex = await Assert.ThrowsAsync<MeterReadException>(() => meter.ReadAsync(default).AsTask());
        Assert.Equal(MeterFault.InvalidData, ex.Fault);

        slave.Load(ModbusFunctionCode.ReadInputRegisters, 72, MeterRegisterDecoder.Encode(12346.0, MeterRegisterType.Float32, MeterWordOrder.Abcd));
        var later = await meter.ReadAsync(default);
        Assert.True(later.EnergyImportWh > first.EnergyImportWh);
    }

    internal static void AssertSnapshot(MeterDump dump, MeterReading reading)
    {
        AssertClose(dump.ExpectedArray("voltageV"), reading.VoltageV);
        AssertClose(dump.ExpectedArray("currentA"), reading.CurrentA);
        AssertClose(dump.ExpectedArray("powerPerPhaseW"), reading.PowerW);
        AssertClose([dump.ExpectedNumber("powerW")!.Value], [reading.TotalPowerW]);
        AssertClose([dump.ExpectedNumber("energyImportWh")!.Value], [reading.EnergyImportWh]);
        Assert.Equal(dump.ExpectedNumber("energyExportWh") is null, reading.EnergyExportWh is null);
        Assert.Equal(dump.ExpectedNumber("frequencyHz") is null, reading.FrequencyHz is null);
        if (reading.EnergyExportWh is { } export)
        {
            AssertClose([dump.ExpectedNumber("energyExportWh")!.Value], [export]);
        }

        if (reading.FrequencyHz is { } hz)
        {
            AssertClose([dump.ExpectedNumber("frequencyHz")!.Value], [hz]);
        }
    }

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // float32 carries ~7 significant digits.
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 * Math.Max(1, Math.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}
