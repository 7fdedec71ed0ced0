namespace ChargerController.Ocpp.Engine;

/// <summary>A CALL got no CALLRESULT or CALLERROR within the message timeout (Part 4 §4.1.1).</summary>
public sealed class OcppCallTimeoutException : TimeoutException
{
    /// <summary>Initializes a new instance of the <see cref="OcppCallTimeoutException"/> class.</summary>
    public OcppCallTimeoutException()
        : base("The CALL timed out.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppCallTimeoutException"/> class.</summary>
    /// <param name="message">The message.</param>
    public OcppCallTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OcppCallTimeoutException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OcppCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
