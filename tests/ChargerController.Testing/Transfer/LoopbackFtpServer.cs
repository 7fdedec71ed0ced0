using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ChargerController.Testing.Transfer;

/// <summary>
/// A minimal passive-mode FTP server test double on 127.0.0.1 (RFC 959 subset: USER, PASS, TYPE, PASV, STOR, RETR, SIZE,
/// QUIT; with a certificate also explicit TLS per RFC 4217: AUTH TLS, PBSZ, PROT): checks one user/password, stores
/// uploaded files in memory by path, serves files for RETR, records every command, and can misbehave on request
/// (garbage greeting, refused AUTH TLS, dropped data connection, stall before the final reply).
/// </summary>
public sealed class LoopbackFtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _served = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<bool> _dataTls = new();
    private readonly string _user;
    private readonly string _password;
    private readonly X509Certificate2? _certificate;
    private Task _accepting = Task.CompletedTask;

    private LoopbackFtpServer(string user, string password, X509Certificate2? certificate)
    {
        _user = user;
        _password = password;
        _certificate = certificate;
    }

    /// <summary>Gets the control port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Gets the stored files by path.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Gets every command received (PASS shown as "PASS ***").</summary>
    public IReadOnlyList<string> Commands => _commands.ToArray();

    /// <summary>Gets, per data connection that carried a transfer, whether it was TLS-protected.</summary>
    public IReadOnlyList<bool> DataConnectionsTls => _dataTls.ToArray();

    /// <summary>Gets or sets the reply code to STOR (150 = accept; e.g. 553 to refuse).</summary>
    public int StorReply { get; set; } = 150;

    /// <summary>Gets or sets a value indicating whether AUTH TLS is refused (534) even with a certificate.</summary>
    public bool RefuseAuthTls { get; set; }

    /// <summary>Gets or sets the greeting line; null = a proper 220.</summary>
    public string? Greeting { get; set; }

    /// <summary>Gets or sets a value indicating whether the final transfer reply (226) is never sent (a stalled server).</summary>
    public bool StallAfterTransfer { get; set; }

    /// <summary>Gets or sets, when set, after how many bytes a RETR data connection is cut (the server still answers 226, as a lying server would).</summary>
    public int? CutRetrAt { get; set; }

    /// <summary>Gets or sets a value indicating whether a STOR data connection is closed without reading and answered 426.</summary>
    public bool DropStor { get; set; }

    /// <summary>Starts the server.</summary>
    /// <param name="user">Accepted user.</param>
    /// <param name="password">Accepted password.</param>
    /// <param name="certificate">TLS certificate for explicit FTPS (AUTH TLS); null = plain FTP only.</param>
    /// <returns>The running server.</returns>
    public static LoopbackFtpServer Start(string user = "anonymous", string password = "", X509Certificate2? certificate = null)
    {
        var server = new LoopbackFtpServer(user, password, certificate);
        server._listener.Start();
        server._accepting = server.AcceptAsync();
        return server;
    }

    /// <summary>Serves <paramref name="content"/> for RETR/SIZE at <paramref name="path"/>.</summary>
    /// <param name="path">Path starting with '/'.</param>
    /// <param name="content">The bytes.</param>
    public void Serve(string path, byte[] content) => _served[path] = content;

    /// <summary>Waits (real time, bounded) until a command starting with <paramref name="prefix"/> arrived.</summary>
    /// <param name="prefix">E.g. "STOR".</param>
    /// <returns>A task.</returns>
    public async Task WaitForCommandAsync(string prefix)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!_commands.Any(c => c.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await Task.Delay(10, limit.Token);
        }
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

    private async Task<Stream> ServerTlsAsync(Stream inner)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }, _stop.Token);
        return tls;
    }

    private async Task SessionAsync(TcpClient client)
    {
        using (client)
        {
            TcpListener? passive = null;
            Stream stream = client.GetStream();
            try
            {
                var reader = new StreamReader(stream, Encoding.UTF8, false, 1024, leaveOpen: true);
                var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
                if (Greeting is { } greeting)
                {
                    await writer.WriteLineAsync(greeting);
                }
                else
                {
                    await writer.WriteLineAsync("220-ChargerController test FTP");
                    await writer.WriteLineAsync("220 ready");
                }

                string? user = null;
                var loggedIn = false;
                var protect = false;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var space = line.IndexOf(' ', StringComparison.Ordinal);
                    var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
                    var argument = space < 0 ? string.Empty : line[(space + 1)..];
                    _commands.Enqueue(verb == "PASS" ? "PASS ***" : line);
                    switch (verb)
                    {
                        case "AUTH" when _certificate is not null && !RefuseAuthTls && argument == "TLS":
                            await writer.WriteLineAsync("234 proceed with TLS");
                            stream = await ServerTlsAsync(stream);
                            reader = new StreamReader(stream, Encoding.UTF8, false, 1024, leaveOpen: true);
                            writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
                            break;
                        case "AUTH":
                            await writer.WriteLineAsync("534 TLS not available");
                            break;
                        case "PBSZ":
                            await writer.WriteLineAsync("200 PBSZ=0");
                            break;
                        case "PROT":
                            protect = argument == "P";
                            await writer.WriteLineAsync("200 protection set");
                            break;
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
                        case "SIZE":
                            await writer.WriteLineAsync(_served.TryGetValue(argument, out var sized) ? $"213 {sized.Length}" : "550 no such file");
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
                            {
                                if (DropStor)
                                {
                                    data.Client.LingerState = new LingerOption(true, 0);
                                    data.Close();
                                    await writer.WriteLineAsync("426 connection closed; transfer aborted");
                                    break;
                                }

                                var dataStream = protect ? await ServerTlsAsync(data.GetStream()) : data.GetStream();
                                _dataTls.Enqueue(protect);
                                using var content = new MemoryStream();
                                await dataStream.CopyToAsync(content, _stop.Token);
                                _files[argument] = content.ToArray();
                                await dataStream.DisposeAsync();
                            }

                            if (!StallAfterTransfer)
                            {
                                await writer.WriteLineAsync("226 stored");
                            }

                            break;
                        case "RETR" when passive is not null && loggedIn:
                            if (!_served.TryGetValue(argument, out var file))
                            {
                                await writer.WriteLineAsync("550 no such file");
                                break;
                            }

                            await writer.WriteLineAsync("150 opening data connection");
                            using (var data = await passive.AcceptTcpClientAsync(_stop.Token))
                            {
                                var dataStream = protect ? await ServerTlsAsync(data.GetStream()) : data.GetStream();
                                _dataTls.Enqueue(protect);
                                await dataStream.WriteAsync(file.AsMemory(0, Math.Min(file.Length, CutRetrAt ?? file.Length)), _stop.Token);
                                if (dataStream is SslStream tls)
                                {
                                    await tls.ShutdownAsync();
                                }

                                await dataStream.DisposeAsync();
                            }

                            if (!StallAfterTransfer)
                            {
                                await writer.WriteLineAsync("226 transfer complete");
                            }

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
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException or AuthenticationException)
            {
                // Client or server went away, or the client refused our certificate.
            }
            finally
            {
                passive?.Stop();
                await stream.DisposeAsync();
            }
        }
    }
}
