namespace ChargerController.Control.Client;

/// <summary>The control socket could not be reached or answered nonsense.</summary>
public sealed class ControlUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the socket path.</param>
    /// <param name="innerException">The cause.</param>
    public ControlUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
