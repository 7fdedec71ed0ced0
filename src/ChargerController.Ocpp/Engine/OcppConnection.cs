using System.Buffers;
using System.Threading.Channels;
using ChargerController.Ocpp.Diagnostics;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Transport;
using Microsoft.Extensions.Logging;

namespace ChargerController.Ocpp.Engine;

/// <summary>
/// The OCPP-J RPC engine on top of one <see cref="IOcppTransport"/>. Role-agnostic: a station and a test CSMS use
/// it alike. At most one CALL of ours is on the wire at a time and later ones wait in order (Part 4 §4.1.1); SEND
/// goes at any time; incoming CALLs are served by the <see cref="HandlerRegistry"/> while ours is pending.
/// </summary>
public sealed partial class OcppConnection : IAsyncDisposable
{
    private const int InboundBacklog = 32;

    private readonly IOcppTransport _transport;
    private readonly HandlerRegistry _handlers;
    private readonly OcppConnectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IMessageIdGenerator _ids;
    private readonly Channel<PendingCall> _outbound = Channel.CreateUnbounded<PendingCall>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<RpcFrame> _inbound = Channel.CreateBounded<RpcFrame>(new BoundedChannelOptions(InboundBacklog) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _connectedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PendingCall? _inFlight;
    private Task _receiveLoop = Task.CompletedTask;
    private Task _sendLoop = Task.CompletedTask;
    private Task _inboundLoop = Task.CompletedTask;
    private volatile bool _connected;
    private OcppVersion _version = OcppVersion.V21;
    private int _started;
    private int _stopped;
    private long _messageTimeoutTicks;

    /// <summary>Initializes a new instance of the <see cref="OcppConnection"/> class.</summary>
    /// <param name="transport">The frame transport; the connection starts and stops it.</param>
    /// <param name="handlers">Handlers for incoming CALL/SEND; its JSON options also serve typed outgoing calls.</param>
    /// <param name="options">Timeout, validator, known-action predicate, id generator.</param>
    /// <param name="timeProvider">Clock for call timeouts and message ids.</param>
    /// <param name="logger">Logger.</param>
    public OcppConnection(IOcppTransport transport, HandlerRegistry handlers, OcppConnectionOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MessageTimeout, TimeSpan.Zero, nameof(options));
        _transport = transport;
        _handlers = handlers;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _ids = options.MessageIdGenerator ?? new GuidMessageIdGenerator(timeProvider);
        _messageTimeoutTicks = options.MessageTimeout.Ticks;
    }

    /// <summary>
    /// Gets or sets how long a CALL waits for its answer; starts at <see cref="OcppConnectionOptions.MessageTimeout"/>. The
    /// station sets it to the <c>messageTimeout</c> of the network connection profile in use (B09); it applies from the
    /// next CALL on.
    /// </summary>
    public TimeSpan MessageTimeout
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _messageTimeoutTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _messageTimeoutTicks, value.Ticks);
        }
    }

    /// <summary>Raised when the connection comes up or goes down (on the receive loop; keep handlers short).</summary>
    public event EventHandler<OcppConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Gets a value indicating whether a connection is open.</summary>
    public bool IsConnected => _connected;

    /// <summary>Gets the version negotiated on the current (or last) connection.</summary>
    public OcppVersion Version => _version;

    /// <summary>Gets the JSON options of typed payloads (from the handler registry).</summary>
    public System.Text.Json.JsonSerializerOptions JsonOptions => _handlers.JsonOptions;

    /// <summary>Creates a message id from the connection's generator (e.g. to fix the id of a queued message).</summary>
    /// <returns>A fresh id.</returns>
    public string NewMessageId() => _ids.NewId();

    /// <summary>Starts the transport and the receive, send and handler loops.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task completing once started.</returns>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The connection is already started.");
        }

        ObjectDisposedException.ThrowIf(_stopped != 0, this);
        return StartCoreAsync(cancellationToken);
    }

    /// <summary>Waits until a connection is open.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task completing when connected.</returns>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            signal = _connectedSignal.Task;
        }

        return signal.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the loops and the transport; pending calls fail with <see cref="OcppConnectionLostException"/>. Running
    /// handlers get a cancelled token and are not waited for.
    /// </summary>
    /// <param name="cancellationToken">Cancels a graceful transport close.</param>
    /// <returns>A task completing when stopped.</returns>
    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _outbound.Writer.TryComplete();
        await _transport.StopAsync(cancellationToken).ConfigureAwait(false);
        _inbound.Writer.TryComplete();
        try
        {
            // Handlers still running see a cancelled token; they are not awaited, so one that ignores it cannot
            // hang the shutdown (the after-response steps are not awaited either).
            await Task.WhenAll(_receiveLoop, _sendLoop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loops end by cancellation.
        }

        if (_connected)
        {
            SetConnected(false, null, "stopped");
        }

        FailInFlight(new OcppConnectionLostException("The OCPP connection was stopped."));
        while (_outbound.Reader.TryRead(out var queued))
        {
            queued.Fail(new OcppConnectionLostException("The OCPP connection was stopped."));
        }

        // _stop is not disposed: after-response steps still running may hold its (cancelled) token.
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    private async ValueTask StartCoreAsync(CancellationToken cancellationToken)
    {
        await _transport.StartAsync(cancellationToken).ConfigureAwait(false);
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(_stop.Token), CancellationToken.None);
        _sendLoop = Task.Run(() => SendLoopAsync(_stop.Token), CancellationToken.None);
        _inboundLoop = Task.Run(() => InboundLoopAsync(_stop.Token), CancellationToken.None);
    }

    private void SetConnected(bool connected, OcppVersion? version, string? reason)
    {
        lock (_gate)
        {
            _connected = connected;
            if (connected)
            {
                _version = version!.Value;
                _connectedSignal.TrySetResult();
            }
            else if (_connectedSignal.Task.IsCompleted)
            {
                _connectedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        _logger.ConnectionStateChanged(connected ? "up" : "down", version, reason);
        try
        {
            StateChanged?.Invoke(this, new OcppConnectionStateChangedEventArgs(connected, version, reason));
        }
#pragma warning disable CA1031 // A subscriber's bug must not kill the receive loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.StateSubscriberFailed(ex);
        }
    }

    private async ValueTask<bool> SendFrameAsync(byte[] frame, RpcMessageType type, string messageId, string? action, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.SendAsync(frame, cancellationToken).ConfigureAwait(false);
            _logger.FrameSent(type, messageId, action, frame.Length);
            return true;
        }
        catch (Exception ex) when (ex is OcppConnectionLostException or ObjectDisposedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A transport reporting a lost link as a cancellation must not end the send loop (no more CALLs ever).
            _logger.SendFailed(type, messageId);
            return false;
        }
    }

    private ValueTask<bool> SendErrorAsync(RpcMessageType type, string messageId, RpcErrorCode code, string description, string? detailsJson, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        byte[]? details = null;
        if (!string.IsNullOrEmpty(detailsJson))
        {
            details = System.Text.Encoding.UTF8.GetBytes(detailsJson);
        }

        try
        {
            RpcFrameWriter.WriteError(buffer, type, messageId, code, description, details);
        }
        catch (ArgumentException)
        {
            // Details supplied by a handler that are not valid JSON: send the error without them.
            buffer.Clear();
            RpcFrameWriter.WriteError(buffer, type, messageId, code, description);
        }

        return SendFrameAsync(buffer.WrittenSpan.ToArray(), type, messageId, null, cancellationToken);
    }
}
