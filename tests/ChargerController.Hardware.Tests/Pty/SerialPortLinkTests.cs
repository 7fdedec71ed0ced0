using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Pty;

public sealed class SerialPortLinkTests
{
    [Fact]
    public async Task ReadWrite_OverRealPseudoTerminal_AreBinaryClean()
    {
        using var pty = new PseudoTerminal();
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath, BaudRate = 9600 });
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await link.WriteAsync(all, default);
        var received = new List<byte>();
        var buffer = new byte[256];
        while (received.Count < 256)
        {
            var n = pty.Read(buffer, 2000);
            Assert.True(n > 0, "master received nothing");
            received.AddRange(buffer[..n]);
        }

        Assert.Equal(all, received);
        pty.Write(all);
        var back = new List<byte>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (back.Count < 256)
        {
            back.AddRange(buffer[..await link.ReadAsync(buffer, cts.Token)]);
        }

        Assert.Equal(all, back);
    }

    [Fact]
    public async Task Read_Cancelled_ReturnsPromptly_AndLaterBytesAreNotLost()
    {
        using var pty = new PseudoTerminal();
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath });
        var buffer = new byte[8];
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => link.ReadAsync(buffer, cts.Token).AsTask());
        }

        pty.Write([0x42]);
        using var cts2 = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await link.ReadAsync(buffer, cts2.Token));
        Assert.Equal(0x42, buffer[0]);
    }

    [Fact]
    public async Task MissingPort_ThrowsTypedError()
    {
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = "/dev/ttyDOES-NOT-EXIST" });
        var ex = await Assert.ThrowsAsync<SerialPortLinkException>(() => link.OpenAsync(default).AsTask());
        Assert.Equal("/dev/ttyDOES-NOT-EXIST", ex.PortName);
        Assert.Contains("no such serial device", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortVanishesDuringRead_TypedError_ThenReconnectsWhenItComesBack()
    {
        using var name = new PtySymlink();
        var first = new PseudoTerminal();
        name.PointTo(first);
        await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = name.Path });
        await link.OpenAsync(default);
        var buffer = new byte[8];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var pending = link.ReadAsync(buffer, cts.Token).AsTask();

        first.Dispose();
        name.Remove();
        await Assert.ThrowsAsync<SerialPortLinkException>(() => pending);
        Assert.False(link.IsOpen);
        await Assert.ThrowsAsync<SerialPortLinkException>(() => link.ReadAsync(buffer, cts.Token).AsTask());

        using var second = new PseudoTerminal();
        name.PointTo(second);
        second.Write([0x07]);
        Assert.Equal(1, await link.ReadAsync(buffer, cts.Token));
        Assert.Equal(0x07, buffer[0]);
        Assert.True(link.IsOpen);
    }

    [Fact]
    public async Task EvenParityOnPseudoTerminal_IsRejectedAsTypedError_OrAccepted_NeverUnhandled()
    {
        // Linux ptys drop PARENB and tcsetattr reports EINVAL (REFERENCE 7.1): the product must turn that into a typed error.
        using var pty = new PseudoTerminal();
        var rejected = 0;
        for (var i = 0; i < 3; i++)
        {
            await using var link = new SerialPortLink(new SerialPortLinkOptions { PortName = pty.SlavePath, Parity = SerialPortLinkParity.Even });
            try
            {
                await link.OpenAsync(default);
            }
            catch (SerialPortLinkException ex)
            {
                Assert.Contains("rejected", ex.Message, StringComparison.Ordinal);
                rejected++;
            }
        }

        Assert.True(rejected > 0, "a pty should refuse even parity at least on a re-open");
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new SerialPortLink(new SerialPortLinkOptions { PortName = "" }));
        Assert.Throws<ArgumentException>(() => new SerialPortLink(new SerialPortLinkOptions { PortName = "/dev/x", StopBits = 3 }));
        Assert.Equal(11, new SerialPortLinkOptions { PortName = "/dev/x", Parity = SerialPortLinkParity.Even }.BitsPerCharacter);
    }
}
