using System.Buffers;
using System.Text.Json;
using ChargerController.Ocpp.Diagnostics;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Transport;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Engine;

/// <summary>Outgoing CALL and SEND: one CALL in flight, the rest in order behind it.</summary>
public sealed partial class OcppConnection
{
    /// <summary>Sends a CALL and waits for its CALLRESULT.</summary>
    /// <typeparam name="TRequest">The request type; its name minus <c>Request</c> is the action.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Stops waiting. A CALL already on the wire still occupies the line until answered or timed out.</param>
    /// <returns>The response.</returns>
    /// <exception cref="OcppCallErrorException">The peer answered with a CALLERROR.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within <see cref="OcppConnectionOptions.MessageTimeout"/>.</exception>
    /// <exception cref="OcppInvalidResponseException">The answer could not be processed (a CALLRESULTERROR was sent).</exception>
    /// <exception cref="OcppConnectionLostException">Not connected, or the connection closed before the answer.</exception>
    /// <exception cref="NotSupportedException">The negotiated version does not define the action (per <see cref="OcppConnectionOptions.IsKnownAction"/>).</exception>
    /// <exception cref="InvalidOperationException">The connection was not started.</exception>
    public Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken) =>
        CallAsync<TRequest, TResponse>(request, null, cancellationToken);

    /// <summary>Sends a CALL with a given message id (a retry of a queued message may reuse its id, Part 4 §4.1.4).</summary>
    /// <typeparam name="TRequest">The request type; its name minus <c>Request</c> is the action.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="messageId">The id to use, or <see langword="null"/> for a fresh one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The response.</returns>
    public Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _handlers.JsonOptions;
        var requestInfo = JsonPayload.TypeInfo<TRequest>(options);
        var responseInfo = JsonPayload.TypeInfo<TResponse>(options);
        var action = JsonPayload.ActionOfRequest(typeof(TRequest));
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, requestInfo);
        return EnqueueCall(action, payload, messageId, p => JsonPayload.Deserialize(p, responseInfo), cancellationToken);
    }

    /// <summary>Sends a CALL with a raw JSON payload and returns the raw CALLRESULT payload.</summary>
    /// <param name="action">The action, e.g. <c>BootNotification</c>.</param>
    /// <param name="payloadJson">The payload object as UTF-8 JSON.</param>
    /// <param name="messageId">The id to use, or <see langword="null"/> for a fresh one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The CALLRESULT payload.</returns>
    public Task<JsonElement> CallRawAsync(string action, ReadOnlyMemory<byte> payloadJson, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        return EnqueueCall(action, payloadJson.ToArray(), messageId, static p => p.Clone(), cancellationToken);
    }

    /// <summary>Sends a SEND message (OCPP 2.1 only, Part 4 §4.2.4): no answer, not queued behind a pending CALL.</summary>
    /// <typeparam name="TMessage">The message type; its name is the action.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The message id used.</returns>
    /// <exception cref="NotSupportedException">The connection runs OCPP 2.0.1, which has no SEND.</exception>
    /// <exception cref="OcppConnectionLostException">Not connected.</exception>
    public ValueTask<string> SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, JsonPayload.TypeInfo<TMessage>(_handlers.JsonOptions));
        return SendRawAsync(typeof(TMessage).Name, payload, null, cancellationToken);
    }

    /// <summary>Sends a SEND message with a raw JSON payload.</summary>
    /// <param name="action">The action, e.g. <c>NotifyPeriodicEventStream</c>.</param>
    /// <param name="payloadJson">The payload object as UTF-8 JSON.</param>
    /// <param name="messageId">The id to use, or <see langword="null"/> for a fresh one.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The message id used.</returns>
    /// <exception cref="NotSupportedException">The connection runs OCPP 2.0.1, which has no SEND.</exception>
    /// <exception cref="OcppConnectionLostException">Not connected.</exception>
    public ValueTask<string> SendRawAsync(string action, ReadOnlyMemory<byte> payloadJson, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        if (!_connected)
        {
            throw new OcppConnectionLostException();
        }

        if (_version == OcppVersion.V201)
        {
            throw new NotSupportedException("SEND (message type 6) does not exist in OCPP 2.0.1.");
        }

        if (_options.IsKnownAction?.Invoke(_version, action) == false)
        {
            throw new NotSupportedException(action + " does not exist in OCPP " + _version + ".");
        }

        ValidateOutbound(action, PayloadKind.Send, payloadJson.Span);
        var id = messageId ?? _ids.NewId();
        var buffer = new ArrayBufferWriter<byte>(payloadJson.Length + 64);
        RpcFrameWriter.WriteRequest(buffer, RpcMessageType.Send, id, action, payloadJson.Span);
        return SendOneAsync(buffer.WrittenSpan.ToArray(), id, action, cancellationToken);
    }

    private async ValueTask<string> SendOneAsync(byte[] frame, string id, string action, CancellationToken cancellationToken)
    {
        if (!await SendFrameAsync(frame, RpcMessageType.Send, id, action, cancellationToken).ConfigureAwait(false))
        {
            throw new OcppConnectionLostException();
        }

        return id;
    }

    private Task<T> EnqueueCall<T>(string action, byte[] payload, string? messageId, Func<JsonElement, T> convert, CancellationToken cancellationToken)
    {
        ValidateOutbound(action, PayloadKind.Request, payload);
        ObjectDisposedException.ThrowIf(_stopped != 0, this);
        if (_started == 0)
        {
            throw new InvalidOperationException("Start the connection before calling.");
        }

        var id = messageId ?? _ids.NewId();
        var buffer = new ArrayBufferWriter<byte>(payload.Length + 64);
        RpcFrameWriter.WriteRequest(buffer, RpcMessageType.Call, id, action, payload);
        var call = new TypedPendingCall<T>(action, id, payload, buffer.WrittenSpan.ToArray(), convert, cancellationToken);
        ObjectDisposedException.ThrowIf(!_outbound.Writer.TryWrite(call), this);

        return call.Result.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// On a 2.0.1 connection the 2.1-built payload is projected onto the 2.0.1 schema at send time (the version may
    /// have changed since enqueue after a reconnect): 2.1-only fields are dropped; a payload that cannot be sent
    /// without changing its meaning fails the call instead of reaching the CSMS.
    /// </summary>
    private bool TryProjectFor201(PendingCall call)
    {
        if (_version != OcppVersion.V201 || _options.Ocpp201Projection is not { } project)
        {
            return true;
        }

        PayloadProjection projection;
        using (var document = JsonDocument.Parse(call.Payload))
        {
            projection = project(call.Action, PayloadKind.Request, document.RootElement);
        }

        if (!projection.CanSend || projection.Utf8Json is null)
        {
            _logger.NotSendableOn201(call.Action, projection.Violation?.Path ?? string.Empty, projection.Violation?.Description ?? string.Empty);
            call.Fail(new NotSupportedException(call.Action + " cannot be sent on an OCPP 2.0.1 connection: " + projection.Violation?.Description));
            return false;
        }

        if (projection.RemovedPaths.Count > 0)
        {
            _logger.ProjectedFor201(call.Action, projection.RemovedPaths);
            var buffer = new ArrayBufferWriter<byte>(projection.Utf8Json.Length + 64);
            RpcFrameWriter.WriteRequest(buffer, RpcMessageType.Call, call.MessageId, call.Action, projection.Utf8Json);
            call.Frame = buffer.WrittenSpan.ToArray();
        }

        return true;
    }

    /// <summary>
    /// The schema version our own payloads are built for: with a 2.0.1 projection configured they are 2.1 payloads
    /// until <see cref="TryProjectFor201"/> checks them against the 2.0.1 schema at send time.
    /// </summary>
    private OcppVersion ModelVersion(OcppVersion negotiated) =>
        negotiated == OcppVersion.V201 && _options.Ocpp201Projection is not null ? OcppVersion.V21 : negotiated;

    private void ValidateOutbound(string action, PayloadKind kind, ReadOnlySpan<byte> payload)
    {
        if (!_options.ValidateOutbound || _options.Validator is null)
        {
            return;
        }

        using var document = JsonDocument.Parse(payload.ToArray());
        var violation = _options.Validator.Validate(ModelVersion(_version), action, kind, document.RootElement);
        if (violation is not null)
        {
            _logger.OutboundInvalid(kind.ToString(), action, violation.ErrorCode, violation.Path, violation.Description);
            throw new OcppCallErrorException(violation.ErrorCode, "Outgoing " + action + " payload invalid at " + violation.Path + ": " + violation.Description);
        }
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        await foreach (var call in _outbound.Reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            if (call.CallerToken.IsCancellationRequested)
            {
                call.Fail(new OperationCanceledException(call.CallerToken));
                continue;
            }

            if (!_connected)
            {
                call.Fail(new OcppConnectionLostException());
                continue;
            }

            // Decided at send time: the version may differ from the one at enqueue time after a reconnect.
            if (_options.IsKnownAction?.Invoke(_version, call.Action) == false)
            {
                call.Fail(new NotSupportedException(call.Action + " does not exist in OCPP " + _version + "; not sent."));
                continue;
            }

            if (!TryProjectFor201(call))
            {
                continue;
            }

            lock (_gate)
            {
                _inFlight = call;
            }

            if (!await SendFrameAsync(call.Frame, RpcMessageType.Call, call.MessageId, call.Action, stop).ConfigureAwait(false))
            {
                FailInFlight(new OcppConnectionLostException());
                continue;
            }

            // Part 4 §4.1.1: the next CALL waits until this one is answered or has timed out, whatever the caller does.
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                var messageTimeout = MessageTimeout;
                var delay = Task.Delay(messageTimeout, _timeProvider, timeout.Token);
                var first = await Task.WhenAny(call.Settled, delay).ConfigureAwait(false);
                await timeout.CancelAsync().ConfigureAwait(false);
                if (first != call.Settled && !stop.IsCancellationRequested)
                {
                    _logger.CallTimedOut(call.Action, call.MessageId, messageTimeout);
                    FailInFlight(new OcppCallTimeoutException("CALL " + call.Action + " " + call.MessageId + " got no answer within " + messageTimeout + "."));
                }
            }

            lock (_gate)
            {
                if (ReferenceEquals(_inFlight, call))
                {
                    _inFlight = null;
                }
            }

            if (stop.IsCancellationRequested)
            {
                call.Fail(new OcppConnectionLostException("The OCPP connection was stopped."));
            }
        }
    }

    private void FailInFlight(Exception exception)
    {
        PendingCall? call;
        lock (_gate)
        {
            call = _inFlight;
            _inFlight = null;
        }

        call?.Fail(exception);
    }

    private PendingCall? TakeInFlight(string messageId)
    {
        lock (_gate)
        {
            if (_inFlight is { } call && string.Equals(call.MessageId, messageId, StringComparison.Ordinal))
            {
                _inFlight = null;
                return call;
            }

            return null;
        }
    }
}
