namespace ChargerController.Station.Transfer;

/// <summary>
/// Why a file transfer failed, in the terms both status notifications need: LogStatusNotification distinguishes
/// UploadFailure, PermissionDenied, NotSupportedOperation and BadMessage (N01.FR.10); FirmwareStatusNotification only
/// knows DownloadFailed (L01.FR.30).
/// </summary>
public enum FileTransferFailure
{
    /// <summary>Unreachable, dropped, refused for another reason, TLS failed, timed out.</summary>
    Failed,

    /// <summary>The server refused the credentials or the path (FTP 530/532/550/553).</summary>
    PermissionDenied,

    /// <summary>The server does not implement a command we need (FTP 500-504, AUTH TLS refused).</summary>
    NotSupported,

    /// <summary>The server's answer was unreadable.</summary>
    BadMessage,
}
