using System.Device.I2c;

namespace ChargerController.Hardware.Tests.Ports;

public sealed class FakeI2cDevice : I2cDevice
{
    public List<byte[]> Written { get; } = [];

    public byte[] NextRead { get; set; } = [];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x48);

    public override byte ReadByte() => NextRead[0];

    public override void Read(Span<byte> buffer) => NextRead.AsSpan(0, buffer.Length).CopyTo(buffer);

    public override void WriteByte(byte value) => Written.Add([value]);

    public override void Write(ReadOnlySpan<byte> buffer) => Written.Add(buffer.ToArray());

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }
}
