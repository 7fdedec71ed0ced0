using System.Device.Spi;

namespace ChargerController.Hardware.Tests.Ports;

public sealed class FakeSpiDevice : SpiDevice
{
    public List<byte[]> Transfers { get; } = [];

    public override SpiConnectionSettings ConnectionSettings { get; } = new(0, 0);

    public override byte ReadByte() => 0;

    public override void Read(Span<byte> buffer) => buffer.Clear();

    public override void WriteByte(byte value)
    {
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
    }

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Transfers.Add(writeBuffer.ToArray());
        for (var i = 0; i < readBuffer.Length; i++)
        {
            readBuffer[i] = (byte)~writeBuffer[i];
        }
    }
}
