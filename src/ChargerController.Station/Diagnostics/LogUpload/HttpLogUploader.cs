using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ChargerController.Ocpp.Enums;
using ChargerController.Station.Transfer;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>
/// Uploads logs over HTTP and HTTPS: PUT of the raw file or POST of multipart/form-data (N01.FR.18/19), HTTP Basic
/// authentication from the URL's userinfo (N01.FR.25), redirects never followed (N01.FR.30). HTTPS servers are trusted
/// when the operating system trusts them (N01.FR.16) or when they chain to an installed CSMS root (N01.FR.15).
/// </summary>
public sealed class HttpLogUploader : ILogUploader, IDisposable
{
    private readonly HttpClient _client;
    private readonly LogUploadHttpMethod _method;

    /// <summary>Initializes a new instance of the <see cref="HttpLogUploader"/> class.</summary>
    /// <param name="method">PUT or POST.</param>
    /// <param name="csmsRoots">The installed CSMS root certificates (read at each handshake); null = operating system trust only.</param>
    public HttpLogUploader(LogUploadHttpMethod method = LogUploadHttpMethod.Put, Func<X509Certificate2Collection>? csmsRoots = null)
    {
        _method = method;
        var validator = new TransferServerValidator(csmsRoots);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = validator.Validate },
        };

        // The attempt timeout runs on the station's TimeProvider (LogUploadManager), not on HttpClient's own clock.
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Schemes { get; } = ["http", "https"];

    /// <inheritdoc/>
    public async Task UploadAsync(Uri location, string fileName, LogFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(file);
        using var request = new HttpRequestMessage(_method == LogUploadHttpMethod.Put ? HttpMethod.Put : HttpMethod.Post, WithoutUserInfo(location));
        if (location.UserInfo.Length > 0)
        {
            // N01.FR.25: userinfo (percent-decoded) becomes Basic credentials and never travels in the request line.
            var credentials = Encoding.UTF8.GetBytes(Uri.UnescapeDataString(location.UserInfo));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }

        var body = new ReadOnlyMemoryContent(file.Content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (_method == LogUploadHttpMethod.Put)
        {
            request.Content = body;
        }
        else
        {
            // N01.FR.19: Content-Type and a Content-Disposition naming the file.
            // Quoted as in the spec's example; some form parsers reject the unquoted form.
            body.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"uploadfile\"", FileName = "\"" + fileName + "\"" };
            var form = new MultipartFormDataContent();
            form.Add(body);
            request.Content = form;
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new LogUploadException(UploadLogStatusEnumType.UploadFailure, "ConnectionFailed", ex.Message, ex);
        }

        using (response)
        {
            Check(response.StatusCode);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    /// <summary>Maps an HTTP status to the LogStatusNotification status (N01.FR.10, N01.FR.30).</summary>
    /// <param name="status">The HTTP status.</param>
    /// <exception cref="LogUploadException">Anything but 2xx.</exception>
    internal static void Check(HttpStatusCode status)
    {
        var code = (int)status;
        var failure = code switch
        {
            >= 200 and < 300 => null,
            >= 300 and < 400 => new LogUploadException(UploadLogStatusEnumType.UploadFailure, "RedirectAllowed", $"HTTP {code}: redirects are not followed"),
            401 or 403 => new LogUploadException(UploadLogStatusEnumType.PermissionDenied, "PermissionDenied", $"HTTP {code}"),
            405 or 501 => new LogUploadException(UploadLogStatusEnumType.NotSupportedOperation, "NotSupported", $"HTTP {code}"),
            400 or 411 or 413 or 415 or 422 => new LogUploadException(UploadLogStatusEnumType.BadMessage, "BadMessage", $"HTTP {code}"),
            _ => new LogUploadException(UploadLogStatusEnumType.UploadFailure, "UploadFailed", $"HTTP {code}"),
        };
        if (failure is not null)
        {
            throw failure;
        }
    }

    private static Uri WithoutUserInfo(Uri location) =>
        location.UserInfo.Length == 0 ? location : new UriBuilder(location) { UserName = string.Empty, Password = string.Empty }.Uri;
}
