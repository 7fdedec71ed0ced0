using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using ChargerController.Hardware.Tests.Modbus;
using ChargerController.Hardware.Tests.Pty;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Rfid;

public sealed class Rdm6300ReaderTests
{
    private static readonly byte[] TagA = [0x1A, 0x00, 0xF2, 0x3A, 0x91];
    private static readonly byte[] TagB = [0x05, 0x00, 0x12, 0x34, 0x56];

    [Fact]
    public async Task OverPty_RepeatedFramesWithNoise_OneReadPerPresentation()
    {
        using var pty = new PseudoTerminal();
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath });
        var reader = new Rdm6300Reader(link, new RfidReaderOptions(), TimeProvider.System);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = cards.MoveNextAsync().AsTask();
        await link.OpenAsync(default);

        // A tag held on the reader: the module repeats its frame; line noise and a broken frame in between.
        pty.Write([0x55, .. Rdm6300Frames.Build(TagA), .. Rdm6300Frames.Build(TagA)[..6], .. Rdm6300Frames.Build(TagA), 0xFF, .. Rdm6300Frames.Build(TagA, breakChecksum: true), .. Rdm6300Frames.Build(TagA)]);
        Assert.True(await first);
        Assert.Equal(TagA, cards.Current.Uid);
        Assert.Equal(CardTechnology.Em4100, cards.Current.Technology);

        pty.Write(Rdm6300Frames.Build(TagB));
        Assert.True(await cards.MoveNextAsync());
        Assert.Equal(TagB, cards.Current.Uid);
    }

    [Fact]
    public async Task PortVanishes_ReaderRetriesInVirtualTime_AndReadsAfterReconnect()
    {
        var time = new FakeTimeProvider();
        var link = new FakeSerialLink();
        var reader = new Rdm6300Reader(link, new RfidReaderOptions { RetryDelay = TimeSpan.FromSeconds(1) }, time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        link.Vanished = true;
        var next = cards.MoveNextAsync().AsTask();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(next.IsCompleted);
        link.Vanished = false;
        link.Inject(Rdm6300Frames.Build(TagA));
        for (var i = 0; i < 500 && !next.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(next, Task.Delay(10));
        }

        Assert.True(await next);
        Assert.Equal(TagA, cards.Current.Uid);
    }

    [Fact]
    public async Task Cancellation_EndsTheStream()
    {
        var link = new FakeSerialLink();
        var reader = new Rdm6300Reader(link, new RfidReaderOptions(), TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var enumerate = Task.Run(async () =>
        {
            await foreach (var card in reader.ReadCardsAsync(cts.Token))
            {
                Assert.Fail("no card was presented");
            }
        });
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumerate);
    }
}
