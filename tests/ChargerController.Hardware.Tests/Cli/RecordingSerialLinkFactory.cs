using ChargerController.Hardware.Ports;
using ChargerController.Hardware.Tests.Modbus;

namespace ChargerController.Hardware.Tests.Cli;

/// <summary>Hands out fake links (for paths a pseudo-terminal cannot take, such as parity) and records the settings asked for.</summary>
public sealed class RecordingSerialLinkFactory(Func<byte[], byte[]?> responder) : ISerialLinkFactory
{
    public List<SerialPortLinkOptions> Requested { get; } = [];

    public ISerialLink Create(SerialPortLinkOptions options)
    {
        Requested.Add(options);
        return new FakeSerialLink(options.PortName) { Responder = responder };
    }
}
