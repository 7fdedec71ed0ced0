using ChargerController.Station.Transfer;

namespace ChargerController.Station.Firmware;

/// <summary>
/// Downloads firmware over FTP or explicit FTPS (passive mode, L01 remark), with the same client as the log upload. The
/// length comes from SIZE when the server answers it, so a connection cut short is a failed attempt even when the server
/// confirms the transfer; the signature check (L01.FR.04) catches the rest.
/// </summary>
public sealed class FtpFirmwareDownloader : IFirmwareDownloader
{
    private readonly TransferServerValidator _validator;
    private readonly long _maxBytes;

    /// <summary>Initializes a new instance of the <see cref="FtpFirmwareDownloader"/> class.</summary>
    /// <param name="maxBytes">The largest image accepted.</param>
    /// <param name="validator">FTPS server trust; null = operating system trust only.</param>
    public FtpFirmwareDownloader(long maxBytes, TransferServerValidator? validator = null)
    {
        _maxBytes = maxBytes;
        _validator = validator ?? new TransferServerValidator();
    }

    /// <inheritdoc/>
    public async Task DownloadAsync(Uri location, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            using var session = await FtpSession.OpenAsync(location, _validator, cancellationToken).ConfigureAwait(false);
            var file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await session.RetrieveAsync(Uri.UnescapeDataString(location.AbsolutePath), file, _maxBytes, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await session.QuitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (FileTransferException ex)
        {
            throw new FirmwareDownloadException($"{ex.ReasonCode}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new FirmwareDownloadException("Download failed: " + ex.Message, ex);
        }
    }
}
