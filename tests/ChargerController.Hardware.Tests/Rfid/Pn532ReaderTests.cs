using ChargerController.Hardware.Abstractions.Rfid;
using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Rfid;
using ChargerController.Hardware.Tests.Modbus;
using ChargerController.Hardware.Tests.Pty;
using Microsoft.Extensions.Time.Testing;

namespace ChargerController.Hardware.Tests.Rfid;

public sealed class Pn532ReaderTests
{
    private static readonly RfidReaderOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(20), RetryDelay = TimeSpan.FromMilliseconds(50), CommandTimeout = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public async Task OverPty_WakesChip_AndReadsIso14443Uid_Once()
    {
        using var pty = new PseudoTerminal();
        using var chip = new Pn532Responder(pty);
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath, BaudRate = 115200 });
        var reader = new Pn532Reader(link, Fast, TimeProvider.System);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var cards = reader.ReadCardsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = cards.MoveNextAsync().AsTask();
        await Task.Delay(150);
        Assert.False(next.IsCompleted);
        chip.CardUid = [0x04, 0xA2, 0x24, 0xBA, 0x1C, 0x3E, 0x80];

        Assert.True(await next);
        Assert.Equal(chip.CardUid, cards.Current.Uid);
        Assert.Equal(CardTechnology.Iso14443A, cards.Current.Technology);
        Assert.Equal([Pn532Frames.SamConfiguration, Pn532Frames.RfConfiguration], chip.Commands.Take(2));

        // Still in the field for several polls: no second report.
        var again = cards.MoveNextAsync().AsTask();
        var polls = chip.Commands.Count(c => c == Pn532Frames.InListPassiveTarget);
        for (var i = 0; i < 250 && chip.Commands.Count(c => c == Pn532Frames.InListPassiveTarget) < polls + 5; i++)
        {
            await Task.Delay(20);
        }

        Assert.True(chip.Commands.Count(c => c == Pn532Frames.InListPassiveTarget) >= polls + 5);
        Assert.False(again.IsCompleted);
        chip.CardUid = [0x04, 0xA2, 0x1B, 0x5C];
        Assert.True(await again);
        Assert.Equal("04A21B5C", Convert.ToHexString([.. cards.Current.Uid]));
    }

    [Fact]
    public async Task OverPty_NackAndCorruptResponses_AreRetried()
    {
        using var pty = new PseudoTerminal();
        using var chip = new Pn532Responder(pty) { NackNext = 1, CorruptNextResponses = 2, CardUid = [0x11, 0x22, 0x33, 0x44] };
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath, BaudRate = 115200 });
        var reader = new Pn532Reader(link, Fast, TimeProvider.System);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var card in reader.ReadCardsAsync(cts.Token))
        {
            Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0x44 }, card.Uid);
            break;
        }
    }

    [Fact]
    public async Task OverPty_SilentChip_KeepsRetrying_AndCancelsCleanly()
    {
        using var pty = new PseudoTerminal();
        using var chip = new Pn532Responder(pty) { Silent = true };
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath, BaudRate = 115200 });
        var reader = new Pn532Reader(link, Fast with { CommandTimeout = TimeSpan.FromMilliseconds(50) }, TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var card in reader.ReadCardsAsync(cts.Token))
            {
                Assert.Fail("silent chip produced a card");
            }
        });

        // Wait (bounded) until the reader has given up on the chip at least twice.
        for (var i = 0; i < 250 && !(chip.Commands.Count(c => c == Pn532Frames.SamConfiguration) >= 2 && chip.AcksReceived >= 1); i++)
        {
            await Task.Delay(20);
        }

        Assert.False(watching.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.True(chip.Commands.Count(c => c == Pn532Frames.SamConfiguration) >= 2, "wake-up retried");
        Assert.True(chip.AcksReceived >= 1, "timed-out commands are aborted with an ACK");
    }

    [Fact]
    public async Task Client_NoAnswer_TimesOutInVirtualTime_AndAbortsWithAck()
    {
        var time = new FakeTimeProvider();
        var link = new FakeSerialLink();
        var client = new Pn532Client(link, time, TimeSpan.FromMilliseconds(500));
        var ex = await Assert.ThrowsAsync<RfidReaderException>(() => VirtualTime.RunAsync(time, () => client.InListPassiveTargetAsync(default).AsTask()));
        Assert.Contains("no answer", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexString(Pn532Frames.Ack), Convert.ToHexString(link.Writes[^1]));
    }

    [Fact]
    public async Task Client_ApplicationErrorFrame_IsTypedError()
    {
        var link = new FakeSerialLink { Responder = _ => [.. Pn532Frames.Ack, .. Convert.FromHexString("0000FF01FF7F8100")] };
        var client = new Pn532Client(link, TimeProvider.System, TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<RfidReaderException>(() => client.ExecuteAsync(Pn532Frames.GetFirmwareVersion, [], default).AsTask());
        Assert.Contains("application error", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_MalformedTargetData_IsTypedError()
    {
        var link = new FakeSerialLink { Responder = _ => [.. Pn532Frames.Ack, .. Pn532Responder.ResponseFrame(0x4B, 0x01, 0x01, 0x00, 0x04, 0x08, 0x05, 0x01)] };
        var client = new Pn532Client(link, TimeProvider.System, TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<RfidReaderException>(() => client.InListPassiveTargetAsync(default).AsTask());
    }
}
