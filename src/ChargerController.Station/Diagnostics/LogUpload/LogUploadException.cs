using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>A failed upload attempt, carrying the status N01.FR.10 reports for it.</summary>
public sealed class LogUploadException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="LogUploadException"/> class.</summary>
    public LogUploadException()
        : this(UploadLogStatusEnumType.UploadFailure, "UploadFailed", "upload failed")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LogUploadException"/> class.</summary>
    /// <param name="message">Why.</param>
    public LogUploadException(string message)
        : this(UploadLogStatusEnumType.UploadFailure, "UploadFailed", message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LogUploadException"/> class.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The transport error.</param>
    public LogUploadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = UploadLogStatusEnumType.UploadFailure;
        ReasonCode = "UploadFailed";
    }

    /// <summary>Initializes a new instance of the <see cref="LogUploadException"/> class.</summary>
    /// <param name="status">UploadFailure, BadMessage, PermissionDenied or NotSupportedOperation.</param>
    /// <param name="reasonCode">statusInfo.reasonCode (≤ 20 characters).</param>
    /// <param name="message">Why (statusInfo.additionalInfo).</param>
    /// <param name="innerException">The transport error, if any.</param>
    public LogUploadException(UploadLogStatusEnumType status, string reasonCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ReasonCode = reasonCode;
    }

    /// <summary>Gets the status to report.</summary>
    public UploadLogStatusEnumType Status { get; }

    /// <summary>Gets the reason code for statusInfo.</summary>
    public string ReasonCode { get; }
}
