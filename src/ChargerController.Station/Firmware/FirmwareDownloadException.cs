namespace ChargerController.Station.Firmware;

/// <summary>One download attempt failed (unreachable server, HTTP error, truncated body, too large, unsupported scheme).</summary>
public sealed class FirmwareDownloadException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FirmwareDownloadException"/> class.</summary>
    public FirmwareDownloadException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FirmwareDownloadException"/> class.</summary>
    /// <param name="message">Why.</param>
    public FirmwareDownloadException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FirmwareDownloadException"/> class.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public FirmwareDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
