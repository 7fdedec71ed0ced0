using System.Net;

namespace ChargerController.Station.Firmware;

/// <summary>
/// Downloads firmware over HTTP or HTTPS (the transfer protocols in <c>OCPPCommCtrlr.FileTransferProtocols</c>). The body
/// is streamed to disk; a body shorter than its Content-Length, an HTTP error or a body above the size limit fails the
/// attempt. Timeouts come from the caller's token (driven by the station's TimeProvider), never from HttpClient's own timer.
/// </summary>
public sealed class HttpFirmwareDownloader : IFirmwareDownloader
{
    private readonly HttpClient _client;
    private readonly long _maxBytes;

    /// <summary>Initializes a new instance of the <see cref="HttpFirmwareDownloader"/> class.</summary>
    /// <param name="client">The HTTP client (its Timeout should be infinite; the caller's token bounds each attempt).</param>
    /// <param name="maxBytes">The largest image accepted.</param>
    public HttpFirmwareDownloader(HttpClient client, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _maxBytes = maxBytes;
    }

    /// <inheritdoc/>
    public async Task DownloadAsync(Uri location, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Scheme != Uri.UriSchemeHttp && location.Scheme != Uri.UriSchemeHttps)
        {
            throw new FirmwareDownloadException($"Unsupported transfer protocol '{location.Scheme}' (HTTP and HTTPS are)");
        }

        try
        {
            using var response = await _client.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new FirmwareDownloadException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var expected = response.Content.Headers.ContentLength;
            if (expected > _maxBytes)
            {
                throw new FirmwareDownloadException($"Image of {expected} bytes exceeds the limit of {_maxBytes}");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    var buffer = new byte[81920];
                    long total = 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        total += read;
                        if (total > _maxBytes)
                        {
                            throw new FirmwareDownloadException($"Image exceeds the limit of {_maxBytes} bytes");
                        }

                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }

                    // Without Content-Length a closed connection looks like the end: only a declared length can prove truncation.
                    if (expected is { } length && total != length)
                    {
                        throw new FirmwareDownloadException($"Truncated download: {total} of {length} bytes");
                    }

                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (HttpRequestException ex)
        {
            throw new FirmwareDownloadException("Download failed: " + ex.Message, ex);
        }
        catch (IOException ex)
        {
            throw new FirmwareDownloadException("Download failed: " + ex.Message, ex);
        }
    }
}
