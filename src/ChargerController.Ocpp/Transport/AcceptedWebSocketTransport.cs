using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ChargerController.Ocpp.Transport;

/// <summary>
/// An <see cref="IOcppTransport"/> over one WebSocket that is already open, e.g. accepted by a CSMS-side server (the
/// simulator's fake CSMS, a test). One connection, no reconnect: Connected on start, then frames, then
/// Disconnected and Stopped when the socket closes. The subprotocol was negotiated by whoever opened the socket.
/// </summary>
public sealed class AcceptedWebSocketTransport : IOcppTransport
{
    private readonly WebSocket _socket;
    private readonly OcppVersion _version;
    private readonly int _maxFrameBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<TransportEvent> _events = Channel.CreateUnbounded<TransportEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;
    private int _started;

    /// <summary>Initializes a new instance of the <see cref="AcceptedWebSocketTransport"/> class.</summary>
    /// <param name="socket">The open socket; disposed with the transport.</param>
    /// <param name="version">The version its subprotocol selected.</param>
    /// <param name="maxFrameBytes">Frames larger than this are reported as oversized.</param>
    /// <param name="timeProvider">Clock for the close-handshake limit.</param>
    /// <param name="logger">Logger.</param>
    public AcceptedWebSocketTransport(WebSocket socket, OcppVersion version, int maxFrameBytes, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1024);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _socket = socket;
        _version = version;
        _maxFrameBytes = maxFrameBytes;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    public bool IsConnected => _socket.State == WebSocketState.Open && !_stop.IsCancellationRequested;

    /// <summary>Gets a task that completes when the connection has ended.</summary>
    public Task Completion => _run;

    /// <inheritdoc/>
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        _events.Writer.TryWrite(TransportEvent.Connected(_version));
        _run = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask<TransportEvent> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return TransportEvent.Stopped();
        }
    }

    /// <inheritdoc/>
    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken) =>
        WebSocketMessagePump.SendAsync(_socket, _sendLock, utf8Frame, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await WebSocketMessagePump.AnswerCloseAsync(_socket, _timeProvider, "closing").ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _events.Writer.TryWrite(TransportEvent.Stopped());
        _events.Writer.TryComplete();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var reason = await WebSocketMessagePump.RunAsync(_socket, _maxFrameBytes, _events.Writer, _timeProvider, _logger, stop).ConfigureAwait(false);
        _socket.Abort();
        _events.Writer.TryWrite(TransportEvent.Disconnected(reason));
        _events.Writer.TryWrite(TransportEvent.Stopped());
    }
}
