using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChargerController.Control.Wire;

namespace ChargerController.Control.Server;

/// <summary>
/// Listens on a Unix domain socket and answers JSON-line requests through a handler.
/// Access control is the socket file's mode and group (no TCP listener): the caller sets them after <see cref="Start"/>.
/// </summary>
public sealed class ControlSocketServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 64 * 1024;
    private readonly string socketPath;
    private readonly Func<ControlRequest, CancellationToken, ValueTask<ControlResponse>> handler;
    private readonly CancellationTokenSource stopping = new();
    private Socket? listener;
    private Task? acceptLoop;

    /// <summary>Creates the server; nothing listens until <see cref="Start"/>.</summary>
    /// <param name="socketPath">Socket file path; a stale file from a crashed run is replaced.</param>
    /// <param name="handler">Answers one request; exceptions become <see cref="ControlErrorCodes.Internal"/> errors.</param>
    public ControlSocketServer(string socketPath, Func<ControlRequest, CancellationToken, ValueTask<ControlResponse>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        ArgumentNullException.ThrowIfNull(handler);
        this.socketPath = socketPath;
        this.handler = handler;
    }

    /// <summary>Binds the socket and starts accepting connections.</summary>
    /// <param name="fileMode">Permissions of the socket file (default 0660: owner and group may connect).</param>
    public void Start(UnixFileMode fileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(socketPath));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        // A socket file left by a killed process would make bind fail with EADDRINUSE.
        if (File.Exists(socketPath))
        {
            File.Delete(socketPath);
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        socket.Listen(16);
        File.SetUnixFileMode(socketPath, fileMode);
        listener = socket;
        acceptLoop = AcceptLoopAsync(socket, stopping.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener?.Dispose();
        if (acceptLoop is not null)
        {
            try
            {
                await acceptLoop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // expected on shutdown
            }
        }

        stopping.Dispose();
        if (File.Exists(socketPath))
        {
            File.Delete(socketPath);
        }
    }

    private async Task AcceptLoopAsync(Socket socket, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client, ct);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken ct)
    {
        using (client)
        {
            var stream = new NetworkStream(client, ownsSocket: false);
            await using var streamScope = stream.ConfigureAwait(false);
            try
            {
                using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true, bufferSize: 4096);
                var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
                if (line is null)
                {
                    return;
                }

                var response = await AnswerAsync(line, ct).ConfigureAwait(false);
                var bytes = JsonSerializer.SerializeToUtf8Bytes(response, ControlJsonContext.Default.ControlResponse);
                await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
                await stream.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async ValueTask<ControlResponse> AnswerAsync(string line, CancellationToken ct)
    {
        if (line.Length > MaxRequestBytes)
        {
            return Fail(ControlErrorCodes.InvalidArgument, "request too large");
        }

        ControlRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(line, ControlJsonContext.Default.ControlRequest);
        }
        catch (JsonException ex)
        {
            return Fail(ControlErrorCodes.InvalidArgument, "malformed request: " + ex.Message);
        }

        if (request is null || string.IsNullOrEmpty(request.Command))
        {
            return Fail(ControlErrorCodes.InvalidArgument, "request has no command");
        }

        try
        {
            return await handler(request, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The control socket must never take chargerd down: any handler failure becomes an error answer.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Fail(ControlErrorCodes.Internal, ex.Message);
        }
    }

    private static ControlResponse Fail(string code, string message) => new(false, null, new ControlError(code, message));
}
