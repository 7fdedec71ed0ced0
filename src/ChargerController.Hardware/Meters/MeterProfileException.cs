namespace ChargerController.Hardware.Meters;

/// <summary>A meter profile is missing or invalid; the message names the file and the field.</summary>
public sealed class MeterProfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming file and field.</param>
    /// <param name="innerException">The JSON error, if any.</param>
    public MeterProfileException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
