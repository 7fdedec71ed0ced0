using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Tests.Modbus;

namespace ChargerController.Hardware.Tests.Meters;

/// <summary>The IEnergyMeter contract for the real driver: ModbusEnergyMeter → Rs485Bus → ModbusRtuMaster on a fake line, in virtual time.</summary>
public sealed class ModbusEnergyMeterContractTests : EnergyMeterContractTests
{
    protected override IEnergyMeter CreateHealthyMeter() => Create(MeterDump.Load("sdm630").ToSlave());

    protected override IEnergyMeter CreateUnreachableMeter()
    {
        var slave = MeterDump.Load("sdm630").ToSlave();
        slave.Silent = true;
        return Create(slave);
    }

    protected override Task<T> RunAsync<T>(Func<Task<T>> operation) => VirtualTime.RunAsync(Time, operation);

    private ModbusEnergyMeter Create(ModbusSlaveLogic slave)
    {
        var link = new FakeSerialLink { Responder = slave.Respond };
        var bus = new Rs485Bus(link, new ModbusRtuMasterOptions(), Time);
        return new ModbusEnergyMeter(bus, new MeterProfileCatalog(null).Get("sdm630"), 1, Time);
    }
}
