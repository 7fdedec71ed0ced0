namespace ChargerController.Hardware.Ports;

/// <summary>Creates <see cref="SerialPortLink"/> instances over real ttys.</summary>
public sealed class SerialPortLinkFactory : ISerialLinkFactory
{
    /// <inheritdoc/>
    public ISerialLink Create(SerialPortLinkOptions options) => new SerialPortLink(options);
}
