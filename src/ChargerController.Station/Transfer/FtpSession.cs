using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ChargerController.Station.Transfer;

/// <summary>
/// One FTP or explicit-FTPS session (RFC 959, RFC 4217) for the station's file transfers: log upload (N01) and firmware
/// download (L01). Passive mode only (N01/L01 remarks: "FTP needs to be able to use Passive FTP"), binary type, the data
/// connection always to the control connection's host whatever address PASV names (servers behind NAT name private
/// ones; following the named address would also let a server aim the station at a third host). <c>ftps://</c> means
/// explicit FTPS: AUTH TLS on the control connection before the credentials travel, PBSZ 0 and PROT P so the data
/// connection is TLS too; a server refusing AUTH TLS ends the transfer (never a fall-back to clear text).
/// Every wait honours the caller's token, which the caller bounds with its TimeProvider-driven attempt timeout.
/// </summary>
internal sealed class FtpSession : IDisposable
{
    private readonly TcpClient _control;
    private readonly FtpControlChannel _channel;
    private readonly string _host;
    private readonly bool _secure;
    private readonly TransferServerValidator _validator;
    private SslStream? _tls;

    private FtpSession(TcpClient control, string host, bool secure, TransferServerValidator validator)
    {
        _control = control;
        _host = host;
        _secure = secure;
        _validator = validator;
        _channel = new FtpControlChannel(control.GetStream());
    }

    /// <summary>Gets the URL schemes this client speaks.</summary>
    public static IReadOnlyList<string> Schemes { get; } = ["ftp", "ftps"];

    /// <summary>Connects, secures (ftps) and logs in with the URL's userinfo (anonymous without).</summary>
    /// <param name="location">ftp:// or ftps:// URL.</param>
    /// <param name="validator">Server certificate trust (ftps).</param>
    /// <param name="cancellationToken">Bounds the whole session.</param>
    /// <returns>The logged-in session.</returns>
    /// <exception cref="FileTransferException">Any failure.</exception>
    public static async Task<FtpSession> OpenAsync(Uri location, TransferServerValidator validator, CancellationToken cancellationToken)
    {
        var secure = string.Equals(location.Scheme, "ftps", StringComparison.OrdinalIgnoreCase);
        if (!secure && !string.Equals(location.Scheme, "ftp", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileTransferException(FileTransferFailure.NotSupported, "UnsupportedProtocol", location.Scheme + " is not FTP");
        }

        var control = new TcpClient();
        FtpSession? session = null;
        try
        {
            try
            {
                // Explicit FTPS starts on the ordinary FTP port (RFC 4217 §4); implicit FTPS (990) is not spoken.
                await control.ConnectAsync(location.Host, location.Port > 0 ? location.Port : 21, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new FileTransferException(FileTransferFailure.Failed, "ConnectionFailed", ex.Message, ex);
            }

            session = new FtpSession(control, location.Host, secure, validator);
            await session.LoginAsync(location, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            if (session is not null)
            {
                session.Dispose();
            }
            else
            {
                control.Dispose();
            }

            throw;
        }
    }

    /// <summary>Stores <paramref name="content"/> at <paramref name="path"/> (STOR) and waits for the server's confirmation.</summary>
    /// <param name="path">Server path.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task completing once the server confirmed (226/250).</returns>
    public async Task StoreAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using (var data = await OpenDataAsync("STOR " + CheckPath(path), cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await data.Stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await data.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (data.Stream is SslStream tls)
                {
                    // close_notify first: a server that sees a bare TCP close cannot tell a complete file from a cut one.
                    await tls.ShutdownAsync().ConfigureAwait(false);
                }

                data.Client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                throw new FileTransferException(FileTransferFailure.Failed, "ConnectionLost", "data connection: " + ex.Message, ex);
            }
        }

        // The transfer counts only once the server confirmed it (226), not when the bytes left.
        FtpControlChannel.Check(await _channel.ReadReplyAsync(cancellationToken).ConfigureAwait(false), 226, 250);
    }

    /// <summary>Retrieves <paramref name="path"/> (RETR) into <paramref name="destination"/>.</summary>
    /// <param name="path">Server path.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="maxBytes">The largest file accepted.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The number of bytes received.</returns>
    public async Task<long> RetrieveAsync(string path, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        path = CheckPath(path);

        // SIZE (RFC 3659) is the only way FTP tells the length: a server that closes the data connection early and
        // still answers 226 is caught by it. Servers without SIZE (502) are accepted; the signature check still guards.
        var size = await SizeAsync(path, cancellationToken).ConfigureAwait(false);
        if (size > maxBytes)
        {
            throw new FileTransferException(FileTransferFailure.Failed, "TooLarge", $"file of {size} bytes exceeds the limit of {maxBytes}");
        }

        long total = 0;
        using (var data = await OpenDataAsync("RETR " + path, cancellationToken).ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            try
            {
                int read;
                while ((read = await data.Stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new FileTransferException(FileTransferFailure.Failed, "TooLarge", $"file exceeds the limit of {maxBytes} bytes");
                    }

                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                throw new FileTransferException(FileTransferFailure.Failed, "ConnectionLost", "data connection: " + ex.Message, ex);
            }
        }

        FtpControlChannel.Check(await _channel.ReadReplyAsync(cancellationToken).ConfigureAwait(false), 226, 250);
        if (size is { } expected && total != expected)
        {
            throw new FileTransferException(FileTransferFailure.Failed, "Truncated", $"truncated download: {total} of {expected} bytes");
        }

        return total;
    }

    /// <summary>Says goodbye; a rude goodbye changes nothing once the transfer was confirmed.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _channel.CommandAsync("QUIT", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or FileTransferException)
        {
            // The file is stored / received already.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _tls?.Dispose();
        _control.Dispose();
    }

    /// <summary>Reads the data port from a 227 reply "Entering Passive Mode (h1,h2,h3,h4,p1,p2)".</summary>
    /// <param name="reply">The reply.</param>
    /// <returns>The port.</returns>
    internal static int PassivePort(FtpReply reply)
    {
        var open = reply.Text.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : reply.Text.IndexOf(')', open);
        var parts = close < 0 ? [] : reply.Text[(open + 1)..close].Split(',');
        if (parts.Length == 6
            && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var high) && high is >= 0 and <= 255
            && int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var low) && low is >= 0 and <= 255
            && (high << 8 | low) > 0)
        {
            return high << 8 | low;
        }

        throw new FileTransferException(FileTransferFailure.BadMessage, "BadMessage", "unreadable PASV reply: " + (reply.Text.Length > 80 ? reply.Text[..80] : reply.Text));
    }

    private static string CheckPath(string path)
    {
        // A line break (e.g. %0D%0A in the URL) would smuggle a second command onto the control connection.
        if (path.AsSpan().IndexOfAny('\r', '\n') >= 0 || path.Length == 0)
        {
            throw new FileTransferException(FileTransferFailure.BadMessage, "BadMessage", "unusable FTP path");
        }

        return path;
    }

    private static (string User, string Password) Credentials(Uri location)
    {
        if (location.UserInfo.Length == 0)
        {
            return ("anonymous", "chargercontroller@");
        }

        var split = location.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(split < 0 ? location.UserInfo : location.UserInfo[..split]);
        var password = split < 0 ? string.Empty : Uri.UnescapeDataString(location.UserInfo[(split + 1)..]);
        if (user.AsSpan().IndexOfAny('\r', '\n') >= 0 || password.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new FileTransferException(FileTransferFailure.BadMessage, "BadMessage", "line break in the FTP credentials");
        }

        return (user, password);
    }

    private async Task LoginAsync(Uri location, CancellationToken cancellationToken)
    {
        await _channel.ExpectAsync(220, cancellationToken).ConfigureAwait(false);
        if (_secure)
        {
            // RFC 4217 §4: 234 = go ahead with the handshake. Anything else: the password must not travel in clear text.
            var auth = await _channel.CommandAsync("AUTH TLS", cancellationToken).ConfigureAwait(false);
            if (auth.Code != 234)
            {
                throw new FileTransferException(FileTransferFailure.NotSupported, "AuthTlsRefused", $"FTP {auth.Code}: the server refused AUTH TLS");
            }

            _tls = await HandshakeAsync(_channel.Stream, leaveOpen: false, cancellationToken).ConfigureAwait(false);
            _channel.Upgrade(_tls);
        }

        var (user, password) = Credentials(location);
        var reply = await _channel.CommandAsync("USER " + user, cancellationToken).ConfigureAwait(false);
        if (reply.Code == 331)
        {
            reply = await _channel.CommandAsync("PASS " + password, cancellationToken).ConfigureAwait(false);
        }

        FtpControlChannel.Check(reply, 230, 202);
        if (_secure)
        {
            // RFC 4217 §8/§9: PBSZ 0 must precede PROT; PROT P protects the data connection.
            FtpControlChannel.Check(await _channel.CommandAsync("PBSZ 0", cancellationToken).ConfigureAwait(false), 200);
            FtpControlChannel.Check(await _channel.CommandAsync("PROT P", cancellationToken).ConfigureAwait(false), 200);
        }

        FtpControlChannel.Check(await _channel.CommandAsync("TYPE I", cancellationToken).ConfigureAwait(false), 200);
    }

    private async Task<long?> SizeAsync(string path, CancellationToken cancellationToken)
    {
        var reply = await _channel.CommandAsync("SIZE " + path, cancellationToken).ConfigureAwait(false);
        if (reply.Code == 213 && long.TryParse(reply.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return size;
        }

        // 550 = no such file: no point asking for it.
        if (reply.Code is 550)
        {
            FtpControlChannel.Check(reply, 213);
        }

        return null;
    }

    private async Task<DataConnection> OpenDataAsync(string command, CancellationToken cancellationToken)
    {
        var port = PassivePort(FtpControlChannel.Check(await _channel.CommandAsync("PASV", cancellationToken).ConfigureAwait(false), 227));
        var data = new TcpClient();
        try
        {
            try
            {
                await data.ConnectAsync(_host, port, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new FileTransferException(FileTransferFailure.Failed, "ConnectionFailed", "data connection: " + ex.Message, ex);
            }

            FtpControlChannel.Check(await _channel.CommandAsync(command, cancellationToken).ConfigureAwait(false), 150, 125);
            Stream stream = data.GetStream();
            if (_secure)
            {
                // The data connection's handshake resumes the control connection's TLS session (AllowTlsResume, same
                // target host), which servers like vsftpd with require_ssl_reuse insist on (RFC 4217 §10.2 data theft).
                stream = await HandshakeAsync(stream, leaveOpen: false, cancellationToken).ConfigureAwait(false);
            }

            return new DataConnection(data, stream);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    private async Task<SslStream> HandshakeAsync(Stream inner, bool leaveOpen, CancellationToken cancellationToken)
    {
        var rejected = false;
        var tls = new SslStream(inner, leaveOpen);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = _host,
            AllowTlsResume = true,
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                var trusted = _validator.Validate(sender, certificate, chain, errors);
                rejected |= !trusted;
                return trusted;
            },
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new FileTransferException(
                FileTransferFailure.Failed,
                rejected ? "InvalidCertificate" : "TlsFailed",
                rejected ? "the FTPS server certificate is not trusted" : "TLS handshake failed: " + ex.Message,
                ex);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An open data connection (plain or TLS).</summary>
    private sealed class DataConnection(TcpClient client, Stream stream) : IDisposable
    {
        public TcpClient Client { get; } = client;

        public Stream Stream { get; } = stream;

        public void Dispose()
        {
            Stream.Dispose();
            Client.Dispose();
        }
    }
}
