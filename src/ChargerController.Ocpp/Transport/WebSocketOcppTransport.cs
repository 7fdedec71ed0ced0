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
    private readonly CsmsCertificateValidator _certificates;
    private readonly Uri _connectionUri;
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
        _certificates = new CsmsCertificateValidator(options.CsmsRootCertificates, options.AllowCsmsTlsWildcards, timeProvider);
        _connectionUri = BuildConnectionUri(options.CsmsUrl, options.StationId);
    }

    /// <summary>Raised on every state change of the connection manager (from its loop; keep handlers short).</summary>
    public event EventHandler<WebSocketTransportStateChangedEventArgs>? StateChanged;

    /// <inheritdoc/>
    public bool IsConnected => _socket is { State: WebSocketState.Open };

    /// <summary>Gets the state of the connection manager.</summary>
    public WebSocketTransportState State => _state;

    /// <summary>Gets the URL connected to: the endpoint plus <c>/</c> plus the percent-encoded station id (Part 4 §3.1.1).</summary>
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
    public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken cancellationToken)
    {
        var socket = _socket;
        if (socket is not { State: WebSocketState.Open })
        {
            throw new OcppConnectionLostException();
        }

        // A WebSocket allows one send at a time; CALLs, answers and SENDs come from different loops.
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(utf8Frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            throw new OcppConnectionLostException("The connection broke while sending.", ex);
        }
        finally
        {
            _sendLock.Release();
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
            using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(closeTimeout.Token, cancellationToken);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "station stopping", linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
            {
                // The abort below ends it anyway.
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _events.Writer.TryComplete();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
        _sendLock.Dispose();
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
