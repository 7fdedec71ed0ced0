using System.Globalization;
using System.Net.Sockets;
using ChargerController.Ocpp.Enums;

namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>
/// Uploads logs over FTP in passive mode (N01 remark: "FTP needs to be able to use Passive FTP"; RFC 959 PASV), binary
/// type, to <c>ftp://user:password@host:port/path</c> (anonymous without userinfo). The data connection goes to the
/// control connection's host, whatever address PASV names (servers behind NAT often name a private one).
/// </summary>
public sealed class FtpLogUploader : ILogUploader
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Schemes { get; } = ["ftp"];

    /// <inheritdoc/>
    public async Task UploadAsync(Uri location, string fileName, LogFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(file);
        using var control = new TcpClient();
        try
        {
            await control.ConnectAsync(location.Host, location.IsDefaultPort ? 21 : location.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new LogUploadException(UploadLogStatusEnumType.UploadFailure, "ConnectionFailed", ex.Message, ex);
        }

        var stream = control.GetStream();
        var session = new FtpControlChannel(stream);
        await session.ExpectAsync(220, cancellationToken).ConfigureAwait(false);

        var (user, password) = Credentials(location);
        var reply = await session.CommandAsync("USER " + user, cancellationToken).ConfigureAwait(false);
        if (reply.Code == 331)
        {
            reply = await session.CommandAsync("PASS " + password, cancellationToken).ConfigureAwait(false);
        }

        FtpControlChannel.Check(reply, 230, 202);
        FtpControlChannel.Check(await session.CommandAsync("TYPE I", cancellationToken).ConfigureAwait(false), 200);
        var port = PassivePort(FtpControlChannel.Check(await session.CommandAsync("PASV", cancellationToken).ConfigureAwait(false), 227));

        using var data = new TcpClient();
        try
        {
            await data.ConnectAsync(location.Host, port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new LogUploadException(UploadLogStatusEnumType.UploadFailure, "ConnectionFailed", "data connection: " + ex.Message, ex);
        }

        var path = Uri.UnescapeDataString(location.AbsolutePath);
        FtpControlChannel.Check(await session.CommandAsync("STOR " + path, cancellationToken).ConfigureAwait(false), 150, 125);
        var dataStream = data.GetStream();
        await dataStream.WriteAsync(file.Content, cancellationToken).ConfigureAwait(false);
        await dataStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        data.Client.Shutdown(SocketShutdown.Send);
        data.Close();

        // The transfer counts only once the server confirmed it (226), not when the bytes left.
        FtpControlChannel.Check(await session.ReadReplyAsync(cancellationToken).ConfigureAwait(false), 226, 250);
        try
        {
            await session.CommandAsync("QUIT", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or LogUploadException)
        {
            // The file is stored; a rude goodbye changes nothing.
        }
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

        throw new LogUploadException(UploadLogStatusEnumType.BadMessage, "BadMessage", "unreadable PASV reply: " + reply.Text);
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

        // A line break would smuggle a second command onto the control connection.
        if (user.AsSpan().IndexOfAny('\r', '\n') >= 0 || password.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new LogUploadException(UploadLogStatusEnumType.BadMessage, "BadMessage", "line break in the FTP credentials");
        }

        return (user, password);
    }
}
