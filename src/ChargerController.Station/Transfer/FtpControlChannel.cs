using System.Globalization;
using System.Text;

namespace ChargerController.Station.Transfer;

/// <summary>The FTP control connection: CRLF command lines out, (multi-line) replies in (RFC 959 §4.2).</summary>
internal sealed class FtpControlChannel
{
    private const int MaxLineLength = 4096;
    private const int MaxReplyLines = 1000;
    private readonly byte[] _buffer = new byte[1024];
    private Stream _stream;
    private int _start;
    private int _end;

    public FtpControlChannel(Stream stream) => _stream = stream;

    /// <summary>Gets the stream commands travel on (the TCP stream, or the TLS stream after AUTH TLS).</summary>
    public Stream Stream => _stream;

    /// <summary>Maps an unexpected reply to a transfer failure (the status N01.FR.10 / L01.FR.30 report).</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="expected">The codes that mean success.</param>
    /// <returns>The reply when expected.</returns>
    public static FtpReply Check(FtpReply reply, params int[] expected)
    {
        if (expected.Contains(reply.Code))
        {
            return reply;
        }

        var text = $"FTP {reply.Code} {Shorten(reply.Text)}";
        throw reply.Code switch
        {
            530 or 532 or 550 or 553 => new FileTransferException(FileTransferFailure.PermissionDenied, "PermissionDenied", text),
            500 or 501 or 502 or 504 => new FileTransferException(FileTransferFailure.NotSupported, "NotSupported", text),
            _ => new FileTransferException(FileTransferFailure.Failed, "UploadFailed", text),
        };
    }

    /// <summary>Continues on <paramref name="stream"/> (after the TLS handshake on the same socket, RFC 4217 §4).</summary>
    /// <param name="stream">The new stream.</param>
    public void Upgrade(Stream stream)
    {
        // Anything buffered in plain text after the 234 reply would be an injection attempt (RFC 4217 §4 / CVE-2011-0411).
        if (_start != _end)
        {
            throw new FileTransferException(FileTransferFailure.BadMessage, "BadMessage", "plain-text data after AUTH TLS");
        }

        _stream = stream;
    }

    public async Task<FtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ExpectAsync(int code, CancellationToken cancellationToken) =>
        Check(await ReadReplyAsync(cancellationToken).ConfigureAwait(false), code);

    public async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first.Length < 3 || !int.TryParse(first.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100 || code > 599)
        {
            throw new FileTransferException(FileTransferFailure.BadMessage, "BadMessage", "not an FTP reply: " + Shorten(first));
        }

        var line = first;
        if (first.Length > 3 && first[3] == '-')
        {
            // Multi-line: up to the line with the same code followed by a space; a server that never ends it is garbage.
            var end = first[..3] + " ";
            var lines = 0;
            do
            {
                if (++lines > MaxReplyLines)
                {
                    throw new FileTransferException(FileTransferFailure.BadMessage, "BadMessage", "FTP reply without end");
                }

                line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            while (!line.StartsWith(end, StringComparison.Ordinal));
        }

        return new FtpReply(code, line.Length > 4 ? line[4..] : string.Empty);
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] : text;

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    throw new FileTransferException(FileTransferFailure.Failed, "ConnectionClosed", "the FTP server closed the connection");
                }
            }

            var b = _buffer[_start++];
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length >= MaxLineLength)
            {
                throw new FileTransferException(FileTransferFailure.BadMessage, "BadMessage", "FTP reply line too long");
            }

            line.Append((char)b);
        }
    }
}
