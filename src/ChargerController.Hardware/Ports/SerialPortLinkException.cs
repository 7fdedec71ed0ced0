namespace ChargerController.Hardware.Ports;

/// <summary>The serial device could not be reached: missing, vanished (USB adapter pulled), busy, not permitted, or it rejected the line settings.</summary>
public sealed class SerialPortLinkException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="portName">The device path.</param>
    /// <param name="message">What happened, for a field technician.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public SerialPortLinkException(string portName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        PortName = portName;
    }

    /// <summary>The device path.</summary>
    public string PortName { get; }
}
