using System.Globalization;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Contracts;

/// <summary>
/// The IEnergyMeter contract against the jig's real meter on RS-485 (skipped unless CHARGER_ONDEVICE=1).
/// CHARGER_METER_PORT (default /dev/charger-meter, the udev name), CHARGER_METER_PROFILE (default sdm630) and
/// CHARGER_METER_ADDRESS (default 1) locate it; "unreachable" is an address nothing on the line answers
/// (CHARGER_METER_ABSENT_ADDRESS, default 247).
/// </summary>
[Trait("Category", "OnDevice")]
public sealed class ModbusEnergyMeterOnDeviceContractTests : EnergyMeterContractTests, IDisposable
{
    private readonly List<Rs485Bus> buses = [];

    protected override TimeProvider Clock => TimeProvider.System;

    public void Dispose()
    {
        foreach (var bus in buses)
        {
            bus.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    protected override IEnergyMeter CreateHealthyMeter() => Create(Address("CHARGER_METER_ADDRESS", 1));

    protected override IEnergyMeter CreateUnreachableMeter() => Create(Address("CHARGER_METER_ABSENT_ADDRESS", 247));

    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration);

    private static byte Address(string variable, byte fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? byte.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private ModbusEnergyMeter Create(byte address)
    {
        var profile = new MeterProfileCatalog(null).Get(Environment.GetEnvironmentVariable("CHARGER_METER_PROFILE") ?? "sdm630");
        var line = new SerialPortLinkOptions
        {
            PortName = Environment.GetEnvironmentVariable("CHARGER_METER_PORT") ?? "/dev/charger-meter",
            BaudRate = profile.SerialDefaults.BaudRate,
            Parity = profile.SerialDefaults.Parity,
            StopBits = profile.SerialDefaults.StopBits,
        };
        var bus = new Rs485Bus(
            new SerialPortLink(line),
            new ModbusRtuMasterOptions { BaudRate = line.BaudRate, BitsPerCharacter = line.BitsPerCharacter },
            TimeProvider.System);
        buses.Add(bus);
        return new ModbusEnergyMeter(bus, profile, address, TimeProvider.System);
    }
}
