using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChargerController.Hardware.Abstractions.Metering;
using ChargerController.Hardware.Meters;
using ChargerController.Hardware.Modbus;
using ChargerController.Hardware.Ports;

namespace ChargerController.Benchmarks.Meters;

/// <summary>
/// Time for one full SDM630 snapshot through the real stack (SerialPortLink on a pty slave, Rs485Bus, ModbusEnergyMeter)
/// against an emulated meter on the pty master. A pty has no baud-rate timing, so this is the software + kernel cost;
/// docs/PERFORMANCE.md sets it beside the wire time of the same frames at 9600 baud.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 10, iterationCount: 200)]
[MinColumn, MedianColumn, MaxColumn]
[MemoryDiagnoser]
public class MeterReadOverPtyBenchmark
{
    private BenchPseudoTerminal? _pty;
    private Thread? _emulator;
    private volatile bool _stop;
    private Rs485Bus? _bus;
    private ModbusEnergyMeter? _meter;

    [GlobalSetup]
    public void Setup()
    {
        _pty = new BenchPseudoTerminal();
        var registers = new ushort[80];
        void Put(int address, float value)
        {
            var bits = BitConverter.SingleToUInt32Bits(value);
            registers[address] = (ushort)(bits >> 16);
            registers[address + 1] = (ushort)bits;
        }

        for (var i = 0; i < 3; i++)
        {
            Put(2 * i, 230.5f);
            Put(6 + (2 * i), 16f);
            Put(12 + (2 * i), 3680f);
        }

        Put(52, 11040f);
        Put(70, 50f);
        Put(72, 12345.6f);
        Put(74, 1.5f);
        _emulator = new Thread(() => Emulate(registers)) { IsBackground = true };
        _emulator.Start();

        var profile = new MeterProfileCatalog(null).Get("sdm630");
        var link = new SerialPortLink(new SerialPortLinkOptions { PortName = _pty.SlavePath, BaudRate = 9600 });
        _bus = new Rs485Bus(link, new ModbusRtuMasterOptions { BaudRate = 9600 }, TimeProvider.System);
        _meter = new ModbusEnergyMeter(_bus, profile, 1, TimeProvider.System);
    }

    // Back-to-back snapshots would mostly measure the 5 ms inter-frame silence the master keeps; let it pass outside the timing.
    [IterationSetup]
    public void LetTheLineGoSilent() => Thread.Sleep(6);

    [Benchmark]
    public async Task<MeterReading> Sdm630FullSnapshot() => await _meter!.ReadAsync(default);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _stop = true;
        _emulator?.Join();
        await _bus!.DisposeAsync();
        _pty?.Dispose();
    }

    private void Emulate(ushort[] registers)
    {
        var buffer = new byte[256];
        var count = 0;
        while (!_stop)
        {
            count += _pty!.Read(buffer.AsSpan(count), 20);
            if (count < 8)
            {
                continue;
            }

            var start = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2));
            var quantity = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(4));
            count = 0;
            var answer = new byte[5 + (2 * quantity)];
            answer[0] = 1;
            answer[1] = 4;
            answer[2] = (byte)(2 * quantity);
            for (var i = 0; i < quantity; i++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(3 + (2 * i)), registers[start + i]);
            }

            ModbusCrc.Append(answer);
            _pty.Write(answer);
        }
    }
}
