using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Tests.Modbus;
using ChargerController.Hardware.Tests.Pty;

namespace ChargerController.Hardware.Tests.Meters;

/// <summary>The real stack — SerialPortLink on a pty slave, Rs485Bus, ModbusEnergyMeter — against a Modbus slave emulator on the master.</summary>
public sealed class MeterOverPtyTests
{
    // The response timeout bounds an emulator thread that answers at once but may be scheduled late on a loaded
    // machine; tests of the timeout itself set their own.
    private static readonly ModbusRtuMasterOptions Fast = new() { ResponseTimeout = TimeSpan.FromSeconds(5), Retries = 2, MinimumSilence = TimeSpan.FromMilliseconds(1) };

    public static TheoryData<string> Dumps() => [.. MeterDump.Names];

    [Theory]
    [MemberData(nameof(Dumps))]
    public async Task EveryProfile_ReadsItsEmulatedMeter_EndToEnd(string name)
    {
        var dump = MeterDump.Load(name);
        using var pty = new PseudoTerminal();
        using var emulator = new ModbusSlaveEmulator(pty, dump.ToSlave(7));
        await using var bus = new Rs485Bus(new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath }), Fast, TimeProvider.System);
        var meter = new ModbusEnergyMeter(bus, new MeterProfileCatalog(null).Get(dump.Profile), 7, TimeProvider.System);

        var reading = await meter.ReadAsync(default);

        ModbusEnergyMeterTests.AssertSnapshot(dump, reading);
        Assert.Null(emulator.Failure);
    }

    [Fact]
    public async Task FloatWordOrderCdab_ProfileFromOverrideDirectory_ReadsSwappedMeter()
    {
        var dir = Directory.CreateTempSubdirectory("cc-meters-").FullName;
        try
        {
            var json = File.ReadAllText(Path.Combine(RepoPaths.Root, "hardware", "meters", "sdm630.json"))
                .Replace("\"name\": \"sdm630\"", "\"name\": \"sdm630-cdab\"", StringComparison.Ordinal)
                .Replace("\"wordOrder\": \"ABCD\"", "\"wordOrder\": \"CDAB\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "sdm630-cdab.json"), json);
            var profile = new MeterProfileCatalog(dir).Get("sdm630-cdab");
            var slave = new ModbusSlaveLogic(1);
            foreach (var register in profile.Registers.Values)
            {
                var value = register.Quantity switch
                {
                    MeterQuantity.EnergyImport => 4321.5,
                    MeterQuantity.Frequency => 49.9,
                    MeterQuantity.VoltageL1 or MeterQuantity.VoltageL2 or MeterQuantity.VoltageL3 => 230.5,
                    _ => 1.25,
                };
                slave.Load(register.FunctionCode, register.Address, MeterRegisterDecoder.Encode(value, register.Type, MeterWordOrder.Cdab));
            }

            using var pty = new PseudoTerminal();
            using var emulator = new ModbusSlaveEmulator(pty, slave);
            await using var bus = new Rs485Bus(new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath }), Fast, TimeProvider.System);
            var reading = await new ModbusEnergyMeter(bus, profile, 1, TimeProvider.System).ReadAsync(default);

            Assert.Equal([230.5, 230.5, 230.5], reading.VoltageV);
            Assert.Equal(4321500, reading.EnergyImportWh, 0);
            Assert.Equal(49.9, reading.FrequencyHz!.Value, 4);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task NoiseAndOneCorruptAnswer_AreRiddenOut()
    {
        var dump = MeterDump.Load("sdm630");
        using var pty = new PseudoTerminal();
        var slave = dump.ToSlave();
        slave.CorruptAnswers = 1;
        using var emulator = new ModbusSlaveEmulator(pty, slave) { NoiseBeforeAnswer = [0x00, 0xFF] };
        await using var bus = new Rs485Bus(new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath }), Fast, TimeProvider.System);
        var reading = await new ModbusEnergyMeter(bus, new MeterProfileCatalog(null).Get("sdm630"), 1, TimeProvider.System).ReadAsync(default);
        ModbusEnergyMeterTests.AssertSnapshot(dump, reading);
        Assert.Equal(2, slave.Requests);
    }

    [Fact]
    public async Task SilentMeter_TimesOut_WithoutHanging()
    {
        using var pty = new PseudoTerminal();
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.Silent = true;
        using var emulator = new ModbusSlaveEmulator(pty, slave);
        await using var bus = new Rs485Bus(new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath }), Fast with { ResponseTimeout = TimeSpan.FromMilliseconds(100), Retries = 1 }, TimeProvider.System);
        var ex = await Assert.ThrowsAsync<MeterReadException>(() => new ModbusEnergyMeter(bus, new MeterProfileCatalog(null).Get("sdm630"), 1, TimeProvider.System).ReadAsync(default).AsTask());
        Assert.Equal(MeterFault.Timeout, ex.Fault);
        // The emulator thread may still be parsing the last retry when the deadline fires.
        for (var i = 0; i < 1000 && slave.Requests < 2; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(2, slave.Requests);
    }

    [Fact]
    public async Task WrongProfile_ExceptionResponse_IsProtocolException()
    {
        using var pty = new PseudoTerminal();
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.StrictAddresses = true;
        using var emulator = new ModbusSlaveEmulator(pty, slave);
        await using var bus = new Rs485Bus(new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath }), Fast, TimeProvider.System);
        var ex = await Assert.ThrowsAsync<MeterReadException>(() => new ModbusEnergyMeter(bus, new MeterProfileCatalog(null).Get("or-we-516"), 1, TimeProvider.System).ReadAsync(default).AsTask());
        Assert.Equal(MeterFault.ProtocolException, ex.Fault);
    }

    [Fact]
    public async Task AdapterPulledAndPluggedBack_PortUnavailable_ThenSameMeterReadsAgain()
    {
        var dump = MeterDump.Load("em340");
        using var name = new PtySymlink();
        var first = new PseudoTerminal();
        var firstEmulator = new ModbusSlaveEmulator(first, dump.ToSlave());
        name.PointTo(first);
        await using var bus = new Rs485Bus(new SerialPortLink(new SerialPortLinkOptions { PortName = name.Path }), Fast, TimeProvider.System);
        var meter = new ModbusEnergyMeter(bus, new MeterProfileCatalog(null).Get("em340"), 1, TimeProvider.System);
        await meter.ReadAsync(default);

        first.Dispose();
        firstEmulator.Dispose();
        name.Remove();
        var ex = await Assert.ThrowsAsync<MeterReadException>(() => meter.ReadAsync(default).AsTask());
        Assert.Equal(MeterFault.PortUnavailable, ex.Fault);

        using var second = new PseudoTerminal();
        using var secondEmulator = new ModbusSlaveEmulator(second, dump.ToSlave());
        name.PointTo(second);
        ModbusEnergyMeterTests.AssertSnapshot(dump, await meter.ReadAsync(default));
    }
}
