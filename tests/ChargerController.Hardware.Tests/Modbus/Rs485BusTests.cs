using ChargerController.Hardware.Modbus;

namespace ChargerController.Hardware.Tests.Modbus;

public sealed class Rs485BusTests
{
    [Fact]
    public async Task ConcurrentCallers_AreSerialised_OneTransactionOnTheLineAtATime()
    {
        var link = new FakeSerialLink();
        var slave = new ModbusSlaveLogic(1);
        slave.Load(ModbusFunctionCode.ReadInputRegisters, 0, Enumerable.Range(0, 100).Select(i => (ushort)i));
        var inFlight = 0;
        var maxInFlight = 0;
        link.Responder = request =>
        {
            var now = Interlocked.Increment(ref inFlight);
            maxInFlight = Math.Max(maxInFlight, now);

            // Answer later from another thread, so a second caller would have the chance to interleave.
            _ = Task.Run(async () =>
            {
                await Task.Delay(2);
                Interlocked.Decrement(ref inFlight);
                link.Inject(slave.Respond(request));
            });
            return null;
        };
        await using var bus = new Rs485Bus(link, new ModbusRtuMasterOptions { MinimumSilence = TimeSpan.Zero, BaudRate = 115200, ResponseTimeout = TimeSpan.FromSeconds(10) }, TimeProvider.System);
        var reads = Enumerable.Range(0, 20).Select(i => bus.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, (ushort)i, 2, default).AsTask()).ToArray();
        var results = await Task.WhenAll(reads);
        Assert.True(maxInFlight == 1, $"max {maxInFlight} writes {link.Writes.Count} discards {link.DiscardCount}");
        Assert.Equal(20, link.Writes.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(new ushort[] { (ushort)i, (ushort)(i + 1) }, results[i]);
        }
    }

    [Fact]
    public async Task Dispose_OwnedLink_IsDisposed_AndLaterCallsThrow()
    {
        var link = new FakeSerialLink();
        var bus = new Rs485Bus(link, new ModbusRtuMasterOptions(), TimeProvider.System);
        await link.OpenAsync(default);
        await bus.DisposeAsync();
        Assert.False(link.IsOpen);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => bus.ReadRegistersAsync(1, ModbusFunctionCode.ReadInputRegisters, 0, 1, default).AsTask());
    }
}
