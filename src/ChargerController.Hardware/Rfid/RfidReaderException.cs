namespace ChargerController.Hardware.Rfid;

/// <summary>An RFID reader did not answer or answered nonsense; readers retry after it, tools report it.</summary>
public sealed class RfidReaderException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, naming the port.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RfidReaderException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
