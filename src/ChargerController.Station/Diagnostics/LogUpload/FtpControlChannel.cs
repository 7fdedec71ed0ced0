using System.Globalization;
using System.Text;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>The FTP control connection: CRLF command lines out, (multi-line) replies in (RFC 959 §4.2).</summary>
internal sealed class FtpControlChannel
{
    private const int MaxLineLength = 4096;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;

    public FtpControlChannel(Stream stream) => _stream = stream;

    /// <summary>Maps an unexpected reply to the LogStatusNotification status (N01.FR.10).</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="expected">The codes that mean success.</param>
    /// <returns>The reply when expected.</returns>
    public static FtpReply Check(FtpReply reply, params int[] expected)
    {
        if (expected.Contains(reply.Code))
        {
            return reply;
        }

        var text = $"FTP {reply.Code} {reply.Text}";
        throw reply.Code switch
        {
            530 or 532 or 550 or 553 => new LogUploadException(UploadLogStatusEnumType.PermissionDenied, "PermissionDenied", text),
            500 or 501 or 502 or 504 => new LogUploadException(UploadLogStatusEnumType.NotSupportedOperation, "NotSupported", text),
            _ => new LogUploadException(UploadLogStatusEnumType.UploadFailure, "UploadFailed", text),
        };
    }

    public async Task<FtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ExpectAsync(int code, CancellationToken cancellationToken) =>
        Check(await ReadReplyAsync(cancellationToken).ConfigureAwait(false), code);

    public async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first.Length < 3 || !int.TryParse(first.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new LogUploadException(UploadLogStatusEnumType.BadMessage, "BadMessage", "not an FTP reply: " + Shorten(first));
        }

        var line = first;
        if (first.Length > 3 && first[3] == '-')
        {
            // Multi-line: up to the line with the same code followed by a space.
            var end = first[..3] + " ";
            do
            {
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
                    throw new LogUploadException(UploadLogStatusEnumType.UploadFailure, "ConnectionClosed", "the FTP server closed the connection");
                }
            }

            var b = _buffer[_start++];
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length >= MaxLineLength)
            {
                throw new LogUploadException(UploadLogStatusEnumType.BadMessage, "BadMessage", "FTP reply line too long");
            }

            line.Append((char)b);
        }
    }
}
