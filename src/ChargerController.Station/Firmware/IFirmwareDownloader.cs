namespace ChargerController.Station.Firmware;

/// <summary>Fetches a firmware image from the <c>location</c> of UpdateFirmware (HTTP/HTTPS in <see cref="HttpFirmwareDownloader"/>, FTP/FTPS in <see cref="FtpFirmwareDownloader"/>).</summary>
public interface IFirmwareDownloader
{
    /// <summary>Downloads one attempt into <paramref name="destination"/>, replacing it.</summary>
    /// <param name="location">The URL.</param>
    /// <param name="destination">The file to write.</param>
    /// <param name="cancellationToken">Cancels (attempt timeout, update canceled, shutdown).</param>
    /// <returns>A task that fails with <see cref="FirmwareDownloadException"/> when the attempt failed.</returns>
    Task DownloadAsync(Uri location, string destination, CancellationToken cancellationToken);
}
