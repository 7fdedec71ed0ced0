using System.Text.Json;
using ChargerController.Ocpp.Diagnostics;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Queue;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Transport;
using Microsoft.Extensions.Logging;

namespace ChargerController.Ocpp.Engine;

/// <summary>
/// Drains an <see cref="IOutboundQueue"/> through an <see cref="OcppConnection"/>, strictly in order, whenever
/// connected. Each message keeps its queued id on every attempt (Part 4 §4.1.4). A CALLERROR or timeout counts as a
/// failed attempt: attempt n + 1 waits n × the retry interval, and after <see cref="QueuePolicy.MaxAttempts"/>
/// the message is dropped (E13.FR.02-04). A lost connection is not an attempt: the message goes again after reconnect.
/// </summary>
public sealed class OutboundQueuePump : IAsyncDisposable
{
    /// <summary>
    /// The longest single timer wait. Task.Delay refuses anything beyond the max timer period (about 49.7 days); the
    /// loop re-checks the head after each wait anyway, so a shorter wait only costs one wake-up a day.
    /// </summary>
    internal static readonly TimeSpan MaxSingleWait = TimeSpan.FromDays(1);

    private readonly OcppConnection _connection;
    private readonly IOutboundQueue _queue;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<CancellationToken, Task>? _readyToSend;
    private Task _loop = Task.CompletedTask;
    private string? _steppedBackId;
    private long _steppedBackSince;

    /// <summary>Initializes a new instance of the <see cref="OutboundQueuePump"/> class.</summary>
    /// <param name="connection">The connection to send through.</param>
    /// <param name="queue">The queue to drain.</param>
    /// <param name="timeProvider">Clock for retry waits.</param>
    /// <param name="logger">Logger.</param>
    public OutboundQueuePump(OcppConnection connection, IOutboundQueue queue, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _queue = queue;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Initializes a new instance of the <see cref="OutboundQueuePump"/> class that also waits for the owner's go-ahead.</summary>
    /// <param name="connection">The connection to send through.</param>
    /// <param name="queue">The queue to drain.</param>
    /// <param name="timeProvider">Clock for retry waits.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="readyToSend">
    /// Awaited after every (re)connection before the next message leaves: e.g. until a BootNotification sent on a new
    /// connection was accepted (B02.FR.02, B10.FR.10).
    /// </param>
    public OutboundQueuePump(OcppConnection connection, IOutboundQueue queue, TimeProvider timeProvider, ILogger logger, Func<CancellationToken, Task> readyToSend)
        : this(connection, queue, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(readyToSend);
        _readyToSend = readyToSend;
    }

    /// <summary>Raised when a message leaves the queue (from the pump loop; keep handlers short).</summary>
    public event EventHandler<OutboundDeliveredEventArgs>? Delivered;

    /// <summary>Serialises and queues a request; its message id is fixed now.</summary>
    /// <typeparam name="TRequest">The request type; its name minus <c>Request</c> is the action.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="policy">Retry and offline policy.</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>The queued message.</returns>
    public ValueTask<OutboundMessage> EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, JsonPayload.TypeInfo<TRequest>(_connection.JsonOptions));
        return _queue.EnqueueAsync(JsonPayload.ActionOfRequest(typeof(TRequest)), payload, policy, _connection.NewMessageId(), cancellationToken);
    }

    /// <summary>
    /// Serialises and queues a request under a message id the caller derived from the message itself, so that queuing
    /// it again after a crash (the caller cannot know whether the first attempt committed) is idempotent: a message
    /// still queued under that id stays as it is, and one already delivered goes again as a resend of the same CALL
    /// rather than as a second CALL with a new id.
    /// </summary>
    /// <typeparam name="TRequest">The request type; its name minus <c>Request</c> is the action.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="policy">Retry and offline policy.</param>
    /// <param name="messageId">The message id (at most 36 characters, unique to this message).</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>The queued message (the one already queued under <paramref name="messageId"/>, if any).</returns>
    public async ValueTask<OutboundMessage> EnqueueAsync<TRequest>(TRequest request, QueuePolicy policy, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, JsonPayload.TypeInfo<TRequest>(_connection.JsonOptions));
        InvalidOperationException refused;
        try
        {
            return await _queue.EnqueueAsync(JsonPayload.ActionOfRequest(typeof(TRequest)), payload, policy, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            refused = ex;
        }

        // IOutboundQueue refuses a second message with the same id: if that was the reason, the first one is what we want.
        var queued = (await _queue.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.MessageId == messageId);
        if (queued is null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refused);
        }

        return queued;
    }

    /// <summary>Starts draining.</summary>
    /// <returns>A completed task.</returns>
    public Task StartAsync()
    {
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await _connection.WaitUntilConnectedAsync(stop).ConfigureAwait(false);
            if (_readyToSend is { } ready)
            {
                await ready(stop).ConfigureAwait(false);
            }

            // Take the signal before peeking so an enqueue in between is not missed.
            var enqueued = _queue.WaitForEnqueueAsync(stop);
            var head = await _queue.PeekAsync(stop).ConfigureAwait(false);
            if (head is null)
            {
                await enqueued.ConfigureAwait(false);
                continue;
            }

            var wait = RetryWait(head);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < MaxSingleWait ? wait : MaxSingleWait, _timeProvider, stop).ConfigureAwait(false);
                continue;
            }

            await DeliverAsync(head, stop).ConfigureAwait(false);
        }
    }

    private TimeSpan RetryWait(OutboundMessage head)
    {
        var wait = head.NotBefore - _timeProvider.GetUtcNow();
        var longest = head.FailedAttempts == 0 ? TimeSpan.Zero : head.Policy.DelayAfter(head.FailedAttempts);
        if (wait <= longest)
        {
            return wait;
        }

        // NotBefore lies further ahead than any retry wait (E13.FR.03): the wall clock was stepped back since it was
        // stamped (the station clock follows the CSMS time, B01.FR.06). Waiting for it would hold the queue for as long
        // as the step, months after a bad RTC; wait the longest legitimate retry wait instead, on the monotonic clock.
        if (_steppedBackId != head.MessageId)
        {
            _steppedBackId = head.MessageId;
            _steppedBackSince = _timeProvider.GetTimestamp();
        }

        return longest - _timeProvider.GetElapsedTime(_steppedBackSince);
    }

    private async Task DeliverAsync(OutboundMessage message, CancellationToken stop)
    {
        try
        {
            var response = await _connection.CallRawAsync(message.Action, message.PayloadJson, message.MessageId, stop).ConfigureAwait(false);
            await _queue.RemoveAsync(message.MessageId, stop).ConfigureAwait(false);
            Raise(message, response, null);
        }
        catch (OcppInvalidResponseException ex)
        {
            // The CSMS did process the CALL; resending would duplicate it.
            await _queue.RemoveAsync(message.MessageId, stop).ConfigureAwait(false);
            Raise(message, null, ex);
        }
        catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException)
        {
            var failures = message.FailedAttempts + 1;
            if (failures >= message.Policy.MaxAttempts)
            {
                // E13.FR.04: after the last attempt, discard and go on with the next message.
                // Discarded, not removed: the queue counts it and keeps it in its discard log for the support bundle.
                _logger.QueuedMessageDropped(message.Action, message.MessageId, failures);
                await _queue.DiscardAsync(message.MessageId, OutboundDiscardReason.AttemptsExhausted, stop).ConfigureAwait(false);
                Raise(message, null, ex);
                return;
            }

            var notBefore = _timeProvider.GetUtcNow() + message.Policy.DelayAfter(failures);
            _logger.QueuedMessageRetry(message.Action, message.MessageId, failures, notBefore);
            await _queue.RecordFailedAttemptAsync(message.MessageId, notBefore, stop).ConfigureAwait(false);
        }
        catch (OcppConnectionLostException)
        {
            // Not an attempt: the message goes again, with the same id, once reconnected.
        }
    }

    private void Raise(OutboundMessage message, JsonElement? response, Exception? error)
    {
        try
        {
            Delivered?.Invoke(this, new OutboundDeliveredEventArgs(message, response, error));
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the queue.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.StateSubscriberFailed(ex);
        }
    }
}
