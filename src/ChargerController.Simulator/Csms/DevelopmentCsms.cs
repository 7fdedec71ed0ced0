using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using ChargerController.Ocpp;
using ChargerController.Ocpp.Engine;
using ChargerController.Ocpp.Transport;
using Microsoft.Extensions.Logging;

namespace ChargerController.Simulator.Csms;

/// <summary>
/// A small OCPP 2.1 / 2.0.1 CSMS on 127.0.0.1 (a free port) for <c>chargerd --simulate --demo</c> when no CSMS is
/// configured. Dependency-free and AOT-safe: a <see cref="TcpListener"/>, the RFC 6455 handshake by hand
/// (<see cref="WebSocketUpgrade"/>), <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>, and the
/// same <see cref="OcppConnection"/> engine the station uses, so every frame is parsed and schema-validated as a real
/// CSMS would. It accepts everything (<see cref="DevelopmentCsmsHandlers"/>) and narrates the traffic readably. Loopback
/// only and without authentication checks: it is a bench, never a production server.
/// </summary>
public sealed partial class DevelopmentCsms : IAsyncDisposable
{
    private const int MaxFrameBytes = 64 * 1024;
    private readonly TcpListener listener;
    private readonly DevelopmentCsmsOptions options;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly List<Task> connections = [];
    private Task acceptLoop = Task.CompletedTask;
    private int bootsAccepted;
    private int connected;

    private DevelopmentCsms(TcpListener listener, DevelopmentCsmsOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        this.listener = listener;
        this.options = options;
        this.time = time;
        this.loggers = loggers;
        logger = loggers.CreateLogger<DevelopmentCsms>();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Endpoint = new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ws://127.0.0.1:{port}{options.Path}"));
    }

    /// <summary>Gets the OCPP-J endpoint (without station id) to point the station at.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets how many BootNotifications were accepted so far.</summary>
    public int BootsAccepted => Volatile.Read(ref bootsAccepted);

    /// <summary>Gets how many stations are connected now.</summary>
    public int ConnectedStations => Volatile.Read(ref connected);

    /// <summary>Starts listening on 127.0.0.1 on a free port.</summary>
    /// <param name="options">Behaviour; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">Clock for the answers' times and the handshake limit.</param>
    /// <param name="loggerFactory">Loggers.</param>
    /// <returns>The running CSMS.</returns>
    public static DevelopmentCsms Start(DevelopmentCsmsOptions? options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var csms = new DevelopmentCsms(listener, options ?? new DevelopmentCsmsOptions(), timeProvider, loggerFactory);
        csms.acceptLoop = Task.Run(() => csms.AcceptAsync(csms.stop.Token), CancellationToken.None);
        return csms;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        Task[] running;
        lock (gate)
        {
            running = [acceptLoop, .. connections];
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        listener.Dispose();
        stop.Dispose();
    }

    private static async Task<string?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Byte by byte up to the empty line: the station sends its first frame only after our 101, so nothing of the
        // WebSocket stream may be consumed here.
        var head = new byte[WebSocketUpgrade.MaxRequestBytes];
        var length = 0;
        while (length < head.Length)
        {
            var read = await stream.ReadAsync(head.AsMemory(length, 1), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length++;
            if (length >= 4 && head[length - 4] == '\r' && head[length - 3] == '\n' && head[length - 2] == '\r' && head[length - 1] == '\n')
            {
                return Encoding.ASCII.GetString(head, 0, length - 4);
            }
        }

        return null;
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (gate)
            {
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(Task.Run(() => ServeAsync(client, cancellationToken), CancellationToken.None));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                UpgradeRequest request;
                string selected;
                OcppVersion version;
                using (var timeout = new CancellationTokenSource(options.HandshakeTimeout, time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
                {
                    var head = await ReadHeadAsync(stream, linked.Token).ConfigureAwait(false);
                    request = head is null ? UpgradeRequest.Fail(400, "incomplete request") : WebSocketUpgrade.Parse(head, options.Path);
                    if (request.Error is not null)
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(WebSocketUpgrade.Refusal(request.Status, request.Error)), linked.Token).ConfigureAwait(false);
                        LogRefused(logger, request.Status, request.Error);
                        return;
                    }

                    var choice = WebSocketUpgrade.Select(request.OfferedSubprotocols, options.Subprotocols);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(WebSocketUpgrade.SwitchingProtocols(request.Key, choice)), linked.Token).ConfigureAwait(false);
                    if (choice is null || !OcppSubprotocol.TryParse(choice, out version))
                    {
                        // Part 4 §3.3: no common version → complete the handshake without a subprotocol, then close.
                        using var refused = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
                        await refused.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "no supported OCPP subprotocol", linked.Token).ConfigureAwait(false);
                        Narrate($"csms: {request.StationId} offered {string.Join(", ", request.OfferedSubprotocols)}: none supported, closed");
                        return;
                    }

                    selected = choice;
                }

                await RunStationAsync(stream, request, selected, version, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                LogConnectionEnded(logger, ex.Message);
            }
        }
    }

    private async Task RunStationAsync(Stream stream, UpgradeRequest request, string selected, OcppVersion version, CancellationToken cancellationToken)
    {
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, SubProtocol = selected, KeepAliveInterval = TimeSpan.Zero });
        var accepted = new AcceptedWebSocketTransport(socket, version, MaxFrameBytes, time, loggers.CreateLogger<AcceptedWebSocketTransport>());
        IOcppTransport transport = options.Narration is null
            ? accepted
            : new NarratedTransport(accepted, request.StationId, Narrate, options.MaxPayloadChars);
        var handlers = new DevelopmentCsmsHandlers(options, time, request.StationId, Narrate);
        handlers.BootAccepted += (_, _) => Interlocked.Increment(ref bootsAccepted);
        var registry = OcppStationProtocol.CreateHandlerRegistry();
        handlers.RegisterOn(registry);
        var connection = new OcppConnection(transport, registry, OcppStationProtocol.CreateConnectionOptions(TimeSpan.FromSeconds(30)), time, loggers.CreateLogger<OcppConnection>());
        await using (connection.ConfigureAwait(false))
        {
            using var abort = cancellationToken.Register(socket.Abort);
            Interlocked.Increment(ref connected);
            try
            {
                Narrate($"csms: {request.StationId} connected over {selected}");
                await connection.StartAsync(cancellationToken).ConfigureAwait(false);
                await accepted.Completion.ConfigureAwait(false);
                Narrate($"csms: {request.StationId} disconnected");
            }
            finally
            {
                Interlocked.Decrement(ref connected);
            }
        }
    }

    private void Narrate(string line)
    {
        if (options.Narration is { } writer)
        {
            lock (gate)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
    }

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Development CSMS refused an upgrade request: HTTP {Status} {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Debug, Message = "Development CSMS connection ended: {Reason}")]
    private static partial void LogConnectionEnded(ILogger logger, string reason);
}
