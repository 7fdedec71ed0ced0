using System.Net.WebSockets;
using System.Threading.Channels;
using ChargerController.Ocpp.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChargerController.Ocpp.Transport;

/// <summary>
/// The station side of OCPP-J (Part 4 ch. 3, 5): a <see cref="ClientWebSocket"/> to
/// <c>&lt;CSMS URL&gt;/&lt;percent-encoded station id&gt;</c>, offering the configured subprotocols in order,
/// secured per security profile 1–3, kept open and re-opened with the spec's back-off.
/// </summary>
public sealed partial class WebSocketOcppTransport : IOcppTransport
{
    private readonly WebSocketTransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ReconnectPolicy _policy;
    private readonly Lock _signalGate = new();
    private volatile Uri _connectionUri;
    private TaskCompletionSource _reconnectSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reconnectRequested;
    private readonly Channel<TransportEvent> _events = Channel.CreateUnbounded<TransportEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private volatile WebSocket? _socket;
    private volatile WebSocketTransportState _state;
    private Task _run = Task.CompletedTask;
    private int _started;
    private int _stopped;

    /// <summary>Initializes a new instance of the <see cref="WebSocketOcppTransport"/> class.</summary>
    /// <param name="options">Endpoint, identity, security profile, versions, timing.</param>
    /// <param name="timeProvider">Clock for back-off, connect timeout and certificate validity.</param>
    /// <param name="logger">Logger (never receives the password).</param>
    /// <param name="random">Source of the back-off's random part; <see langword="null"/> for <see cref="Random.Shared"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="WebSocketTransportOptions.Validate"/>).</exception>
    public WebSocketOcppTransport(WebSocketTransportOptions options, TimeProvider timeProvider, ILogger logger, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _policy = new ReconnectPolicy(options.RetryBackOffWaitMinimum, options.RetryBackOffRandomRange, options.RetryBackOffRepeatTimes, random ?? Random.Shared);
        _connectionUri = BuildConnectionUri(options.CsmsUrl, options.StationId);
        if (options.ConnectionTargets is { } targets)
        {
            targets.ReconnectRequested += OnReconnectRequested;
        }
    }

    /// <summary>Raised on every state change of the connection manager (from its loop; keep handlers short).</summary>
    public event EventHandler<WebSocketTransportStateChangedEventArgs>? StateChanged;

    /// <summary>Raised when the CSMS server certificate is refused (during the TLS handshake; keep handlers short).</summary>
    public event EventHandler<CsmsCertificateRejectedEventArgs>? CsmsCertificateRejected;

    /// <inheritdoc/>
    public bool IsConnected => _socket is { State: WebSocketState.Open };

    /// <summary>Gets the state of the connection manager.</summary>
    public WebSocketTransportState State => _state;

    /// <summary>Gets the URL of the current or last attempt: the endpoint plus <c>/</c> plus the percent-encoded station id (Part 4 §3.1.1).</summary>
    public Uri ConnectionUri => _connectionUri;

    /// <summary>Gets the version negotiated on the current or last connection, if any.</summary>
    public OcppVersion? NegotiatedVersion { get; private set; }

    /// <summary>Derives the connection URL of Part 4 §3.1.1.</summary>
    /// <param name="endpoint">The CSMS OCPP-J endpoint URL.</param>
    /// <param name="stationId">The station identity.</param>
    /// <returns>E.g. <c>wss://csms.example.com/ocppj/RDAM%7C123</c>.</returns>
    public static Uri BuildConnectionUri(Uri endpoint, string stationId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(stationId);
        var path = endpoint.GetLeftPart(UriPartial.Path);
        var separator = path.EndsWith('/') ? string.Empty : "/";
        return new Uri(path + separator + Uri.EscapeDataString(stationId) + endpoint.Query);
    }

    /// <inheritdoc/>
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopped != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

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

    /// <summary>
    /// Drops the current connection (a normal WebSocket close) and connects again at once, without back-off, asking the
    /// <see cref="WebSocketTransportOptions.ConnectionTargets"/> for the target again: a new Basic-auth password (A01) or
    /// network profile takes effect without a reboot. While waiting to reconnect, the wait ends now.
    /// </summary>
    public void RequestReconnect()
    {
        Interlocked.Exchange(ref _reconnectRequested, 1);
        if (_socket is { State: WebSocketState.Open } socket)
        {
            _ = CloseForReconnectAsync(socket);
        }

        lock (_signalGate)
        {
            _reconnectSignal.TrySetResult();
        }
    }

    /// <inheritdoc/>
    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            await _run.ConfigureAwait(false);
            return;
        }

        if (_socket is { State: WebSocketState.Open } socket)
        {
            await WebSocketMessagePump.AnswerCloseAsync(socket, _timeProvider, "station stopping").ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _events.Writer.TryComplete();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_options.ConnectionTargets is { } targets)
        {
            targets.ReconnectRequested -= OnReconnectRequested;
        }

        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private void OnReconnectRequested(object? sender, EventArgs e) => RequestReconnect();

    private Task NewReconnectSignal()
    {
        lock (_signalGate)
        {
            if (_reconnectSignal.Task.IsCompleted)
            {
                _reconnectSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            // A request that came in since the last attempt started must still cut this wait short.
            if (Volatile.Read(ref _reconnectRequested) != 0)
            {
                _reconnectSignal.TrySetResult();
            }

            return _reconnectSignal.Task;
        }
    }

    private async Task CloseForReconnectAsync(WebSocket socket)
    {
        await WebSocketMessagePump.AnswerCloseAsync(socket, _timeProvider, "reconnecting").ConfigureAwait(false);

        // The peer's close answer ends the receive loop; if it does not come in time, the abort does.
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), _timeProvider, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            socket.Abort();
        }
    }

    private void SetState(WebSocketTransportState state, TimeSpan? retryDelay = null, string? reason = null)
    {
        _state = state;
        try
        {
            StateChanged?.Invoke(this, new WebSocketTransportStateChangedEventArgs(state, retryDelay, reason));
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop reconnecting.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.StateSubscriberFailed(ex);
        }
    }
}
