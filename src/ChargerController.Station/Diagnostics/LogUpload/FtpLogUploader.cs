using ChargerController.Ocpp.Enums;
using ChargerController.Station.Transfer;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>
/// Uploads logs over FTP and explicit FTPS in passive mode (N01 remark: "FTP needs to be able to use Passive FTP"),
/// binary type, to <c>ftp://user:password@host:port/path</c> or <c>ftps://…</c> (anonymous without userinfo). FTPS
/// servers are trusted like HTTPS ones (<see cref="TransferServerValidator"/>: OS CAs, N01.FR.16, or the installed CSMS
/// roots, N01.FR.15). See <see cref="FtpSession"/> for the protocol details.
/// </summary>
public sealed class FtpLogUploader : ILogUploader
{
    private readonly TransferServerValidator _validator;

    /// <summary>Initializes a new instance of the <see cref="FtpLogUploader"/> class.</summary>
    /// <param name="validator">FTPS server trust; null = operating system trust only.</param>
    public FtpLogUploader(TransferServerValidator? validator = null) => _validator = validator ?? new TransferServerValidator();

    /// <inheritdoc/>
    public IReadOnlyList<string> Schemes => FtpSession.Schemes;

    /// <inheritdoc/>
    public async Task UploadAsync(Uri location, string fileName, LogFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            using var session = await FtpSession.OpenAsync(location, _validator, cancellationToken).ConfigureAwait(false);
            await session.StoreAsync(Uri.UnescapeDataString(location.AbsolutePath), file.Content, cancellationToken).ConfigureAwait(false);
            await session.QuitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (FileTransferException ex)
        {
            throw ToLogUploadException(ex);
        }
    }

    /// <summary>Maps a transfer failure to the LogStatusNotification status (N01.FR.10).</summary>
    /// <param name="failure">The failure.</param>
    /// <returns>The log upload failure.</returns>
    internal static LogUploadException ToLogUploadException(FileTransferException failure)
    {
        var status = failure.Failure switch
        {
            FileTransferFailure.PermissionDenied => UploadLogStatusEnumType.PermissionDenied,
            FileTransferFailure.NotSupported => UploadLogStatusEnumType.NotSupportedOperation,
            FileTransferFailure.BadMessage => UploadLogStatusEnumType.BadMessage,
            _ => UploadLogStatusEnumType.UploadFailure,
        };
        return new LogUploadException(status, failure.ReasonCode, failure.Message, failure);
    }
}
