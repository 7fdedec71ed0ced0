namespace ChargerController.Station.Transfer;

/// <summary>A file transfer (FTP/FTPS) failed; carries the kind of failure and a short reason code for statusInfo.</summary>
public sealed class FileTransferException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FileTransferException"/> class.</summary>
    public FileTransferException()
        : this(FileTransferFailure.Failed, "TransferFailed", "file transfer failed")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FileTransferException"/> class.</summary>
    /// <param name="message">Why.</param>
    public FileTransferException(string message)
        : this(FileTransferFailure.Failed, "TransferFailed", message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FileTransferException"/> class.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public FileTransferException(string message, Exception innerException)
        : this(FileTransferFailure.Failed, "TransferFailed", message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FileTransferException"/> class.</summary>
    /// <param name="failure">The kind of failure.</param>
    /// <param name="reasonCode">statusInfo.reasonCode (at most 20 characters).</param>
    /// <param name="message">Why (statusInfo.additionalInfo).</param>
    /// <param name="innerException">The cause, if any.</param>
    public FileTransferException(FileTransferFailure failure, string reasonCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        ReasonCode = reasonCode;
    }

    /// <summary>Gets the kind of failure.</summary>
    public FileTransferFailure Failure { get; }

    /// <summary>Gets the reason code.</summary>
    public string ReasonCode { get; }
}
