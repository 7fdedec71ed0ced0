using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChargerController.Testing.Transfer;

/// <summary>
/// A minimal passive-mode FTP server test double on 127.0.0.1 (RFC 959 subset: USER, PASS, TYPE, PASV, STOR, QUIT):
/// checks one user/password, stores uploaded files in memory by path and records every command.
/// </summary>
public sealed class LoopbackFtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly string _user;
    private readonly string _password;
    private Task _accepting = Task.CompletedTask;

    private LoopbackFtpServer(string user, string password)
    {
        _user = user;
        _password = password;
    }

    /// <summary>Gets the control port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Gets the stored files by path.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Gets every command received (PASS shown as "PASS ***").</summary>
    public IReadOnlyList<string> Commands => _commands.ToArray();

    /// <summary>Gets or sets the reply code to STOR (150 = accept; e.g. 553 to refuse).</summary>
    public int StorReply { get; set; } = 150;

    /// <summary>Starts the server.</summary>
    /// <param name="user">Accepted user.</param>
    /// <param name="password">Accepted password.</param>
    /// <returns>The running server.</returns>
    public static LoopbackFtpServer Start(string user = "anonymous", string password = "")
    {
        var server = new LoopbackFtpServer(user, password);
        server._listener.Start();
        server._accepting = server.AcceptAsync();
        return server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using (client)
        {
            TcpListener? passive = null;
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220-ChargerController test FTP");
                await writer.WriteLineAsync("220 ready");
                string? user = null;
                var loggedIn = false;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var space = line.IndexOf(' ', StringComparison.Ordinal);
                    var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
                    var argument = space < 0 ? string.Empty : line[(space + 1)..];
                    _commands.Enqueue(verb == "PASS" ? "PASS ***" : line);
                    switch (verb)
                    {
                        case "USER":
                            user = argument;
                            await writer.WriteLineAsync("331 password please");
                            break;
                        case "PASS":
                            loggedIn = user == _user && argument == _password;
                            await writer.WriteLineAsync(loggedIn ? "230 logged in" : "530 login incorrect");
                            break;
                        case "TYPE":
                            await writer.WriteLineAsync(loggedIn ? "200 type set" : "530 not logged in");
                            break;
                        case "PASV":
                            passive?.Stop();
                            passive = new TcpListener(IPAddress.Loopback, 0);
                            passive.Start();
                            var port = ((IPEndPoint)passive.LocalEndpoint).Port;
                            await writer.WriteLineAsync($"227 Entering Passive Mode (127,0,0,1,{port >> 8},{port & 0xFF})");
                            break;
                        case "STOR" when passive is not null && loggedIn:
                            if (StorReply != 150)
                            {
                                await writer.WriteLineAsync($"{StorReply} refused");
                                break;
                            }

                            await writer.WriteLineAsync("150 go ahead");
                            using (var data = await passive.AcceptTcpClientAsync(_stop.Token))
                            using (var content = new MemoryStream())
                            {
                                await data.GetStream().CopyToAsync(content, _stop.Token);
                                _files[argument] = content.ToArray();
                            }

                            await writer.WriteLineAsync("226 stored");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 not implemented");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Client or server went away.
            }
            finally
            {
                passive?.Stop();
            }
        }
    }
}
