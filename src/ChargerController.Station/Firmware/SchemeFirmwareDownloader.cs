namespace ChargerController.Station.Firmware;

/// <summary>Picks the downloader by the location's scheme: HTTP(S) or FTP(S), the protocols in FileTransferProtocols.</summary>
public sealed class SchemeFirmwareDownloader : IFirmwareDownloader
{
    private readonly IFirmwareDownloader _http;
    private readonly IFirmwareDownloader _ftp;

    /// <summary>Initializes a new instance of the <see cref="SchemeFirmwareDownloader"/> class.</summary>
    /// <param name="http">For http and https.</param>
    /// <param name="ftp">For ftp and ftps.</param>
    public SchemeFirmwareDownloader(IFirmwareDownloader http, IFirmwareDownloader ftp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(ftp);
        _http = http;
        _ftp = ftp;
    }

    /// <inheritdoc/>
    public Task DownloadAsync(Uri location, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Scheme.ToLowerInvariant() switch
        {
            "ftp" or "ftps" => _ftp.DownloadAsync(location, destination, cancellationToken),
            _ => _http.DownloadAsync(location, destination, cancellationToken),
        };
    }
}
