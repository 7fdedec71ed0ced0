using ChargerController.Hardware.Ports;

namespace ChargerController.Hardware.Tests.Ports;

/// <summary>Records every transfer and answers through a device model.</summary>
public sealed class FakeSpiTransfer(Func<byte[], byte[]> device) : ISpiTransfer
{
    public List<byte[]> Sent { get; } = [];

    public bool Disposed { get; private set; }

    public void TransferFullDuplex(ReadOnlySpan<byte> write, Span<byte> read)
    {
        var tx = write.ToArray();
        Sent.Add(tx);
        var rx = device(tx);
        Assert.Equal(tx.Length, rx.Length);
        rx.CopyTo(read);
    }

    public void Dispose() => Disposed = true;
}
