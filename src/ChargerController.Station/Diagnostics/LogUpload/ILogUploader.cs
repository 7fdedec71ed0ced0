namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>One file transfer protocol of the log upload (HTTP(S), FTP); listed in OcppCommCtrlr.FileTransferProtocols.</summary>
public interface ILogUploader
{
    /// <summary>Gets the URL schemes this uploader handles, lower case ("http", "https", "ftp").</summary>
    IReadOnlyList<string> Schemes { get; }

    /// <summary>Uploads one file.</summary>
    /// <param name="location">The target URL, with the file name already appended when it ended with a slash (N01.FR.21).</param>
    /// <param name="fileName">The file name announced in GetLogResponse.</param>
    /// <param name="file">The content.</param>
    /// <param name="cancellationToken">Cancels (newer GetLog, attempt timeout, shutdown).</param>
    /// <returns>A task completing once the server confirmed the upload.</returns>
    /// <exception cref="LogUploadException">The upload failed, with the LogStatusNotification status to report.</exception>
    Task UploadAsync(Uri location, string fileName, LogFile file, CancellationToken cancellationToken);
}
