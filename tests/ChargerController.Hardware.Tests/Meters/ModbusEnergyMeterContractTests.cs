using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Tests.Contracts;
using ChargerController.Hardware.Tests.Modbus;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Meters;

/// <summary>
/// The IEnergyMeter contract for the real driver: ModbusEnergyMeter → Rs485Bus → ModbusRtuMaster on a fake line answered
/// from a recorded SDM630 dump, in virtual time; "unreachable" is the same slave gone silent.
/// </summary>
public sealed class ModbusEnergyMeterContractTests : EnergyMeterContractTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => time;

    protected override IEnergyMeter CreateHealthyMeter() => Create(MeterDump.Load("sdm630").ToSlave());

    protected override IEnergyMeter CreateUnreachableMeter()
    {
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.Silent = true;
        return Create(slave);
    }

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        time.Advance(duration);
        return Task.CompletedTask;
    }

    // 25 ms steps: fine against the 500 ms response timeout, and few enough that a timed-out read (3 attempts) stays fast in real time.
    protected override Task<MeterReading> RunAsync(Func<Task<MeterReading>> read) => VirtualTime.RunAsync(time, read, TimeSpan.FromMilliseconds(25));

    private ModbusEnergyMeter Create(ModbusSlaveLogic slave)
    {
        var link = new FakeSerialLink { Responder = slave.Respond };
        var bus = new Rs485Bus(link, new ModbusRtuMasterOptions(), time);
        return new ModbusEnergyMeter(bus, new MeterProfileCatalog(null).Get("sdm630"), 1, time);
    }
}
