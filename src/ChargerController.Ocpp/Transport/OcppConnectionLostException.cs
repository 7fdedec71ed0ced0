namespace ChargerController.Ocpp.Transport;

/// <summary>No connection is open, or it closed before the operation completed.</summary>
public sealed class OcppConnectionLostException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="OcppConnectionLostException"/> class.</summary>
    public OcppConnectionLostException()
        : base("The OCPP connection is not open.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppConnectionLostException"/> class.</summary>
    /// <param name="message">The message.</param>
    public OcppConnectionLostException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppConnectionLostException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OcppConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
