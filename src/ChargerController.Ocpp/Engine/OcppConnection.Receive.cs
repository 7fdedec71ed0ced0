using ChargerController.Ocpp.Diagnostics;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Transport;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Engine;

/// <summary>The receive loop: routes every frame, answers malformed ones, never throws on peer input.</summary>
public sealed partial class OcppConnection
{
    private const string UnreadableId = "-1";

    private async Task ReceiveLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var transportEvent = await _transport.ReceiveAsync(stop).ConfigureAwait(false);
            if (transportEvent.Kind == TransportEventKind.Stopped)
            {
                FailInFlight(new OcppConnectionLostException("The OCPP transport stopped."));
                if (_connected)
                {
                    SetConnected(false, null, "stopped");
                }

                _inbound.Writer.TryComplete();
                return;
            }

            try
            {
                await OnTransportEventAsync(transportEvent, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A bug (ours or a plugged-in validator's) on one frame must not silence the connection.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.ReceiveLoopFault(ex);
            }
        }
    }

    private async ValueTask OnTransportEventAsync(TransportEvent transportEvent, CancellationToken stop)
    {
        switch (transportEvent.Kind)
        {
            case TransportEventKind.Connected:
                SetConnected(true, transportEvent.Version, null);
                break;

            case TransportEventKind.Disconnected:
                // Mark down first so nothing retried on the failure below can go out on the dead link; the answer
                // to an in-flight CALL cannot arrive on a later connection.
                SetConnected(false, null, transportEvent.Reason);
                FailInFlight(new OcppConnectionLostException("The OCPP connection closed before the answer: " + transportEvent.Reason));
                break;

            case TransportEventKind.Frame:
                await OnFrameAsync(transportEvent.Data, stop).ConfigureAwait(false);
                break;

            case TransportEventKind.OversizedFrame:
                await OnMalformedAsync(RpcFrameReader.ReadOversized(transportEvent.Data.Span), stop).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask OnFrameAsync(ReadOnlyMemory<byte> data, CancellationToken stop)
    {
        var result = RpcFrameReader.Read(data.Span);
        if (result.Status == RpcReadStatus.Malformed)
        {
            await OnMalformedAsync(result, stop).ConfigureAwait(false);
            return;
        }

        var v201 = _version == OcppVersion.V201;
        if (result.Status == RpcReadStatus.UnknownMessageType
            || (v201 && result.Frame!.MessageType is RpcMessageType.CallResultError or RpcMessageType.Send))
        {
            await OnUnknownTypeAsync(result, stop).ConfigureAwait(false);
            return;
        }

        var frame = result.Frame!;
        _logger.FrameReceived(frame.MessageType, frame.MessageId, frame.Action, data.Length);
        switch (frame.MessageType)
        {
            case RpcMessageType.Call:
            case RpcMessageType.Send:
                // Handlers run off the receive loop so the answer to our own pending CALL is never stuck behind them.
                // The peer may have one CALL outstanding (Part 4 §4.1.1); a flood beyond the bound is refused.
                if (!_inbound.Writer.TryWrite(frame) && frame.MessageType == RpcMessageType.Call)
                {
                    await SendErrorAsync(RpcMessageType.CallError, frame.MessageId, RpcErrorCode.GenericError, "Too many outstanding requests", null, stop).ConfigureAwait(false);
                }

                break;

            case RpcMessageType.CallResult:
                await OnCallResultAsync(frame, stop).ConfigureAwait(false);
                break;

            case RpcMessageType.CallError:
                OnCallError(frame);
                break;

            case RpcMessageType.CallResultError:
                _logger.CallResultErrorReceived(frame.MessageId, frame.ErrorCodeText, frame.ErrorDescription);
                break;
        }
    }

    private async ValueTask OnCallResultAsync(RpcFrame frame, CancellationToken stop)
    {
        var call = TakeInFlight(frame.MessageId);
        if (call is null)
        {
            // Late (after timeout) or never asked for: Part 4 gives it no meaning.
            _logger.ReplyToUnknownId(frame.MessageType, frame.MessageId);
            return;
        }

        var violation = _options.Validator?.Validate(_version, call.Action, PayloadKind.Response, frame.Payload)
            ?? call.TryComplete(frame.Payload);
        if (violation is null)
        {
            return;
        }

        _logger.ResponseRejected(call.Action, call.MessageId, violation.ErrorCode, violation.Path, violation.Description);
        call.Fail(new OcppInvalidResponseException(violation.ErrorCode, "CALLRESULT for " + call.Action + " could not be processed at " + violation.Path + ": " + violation.Description));

        // Part 4 §4.2.3 (2.1): tell the peer its CALLRESULT was not processed. 2.0.1 has no type 5: log only.
        if (_version == OcppVersion.V21)
        {
            await SendErrorAsync(RpcMessageType.CallResultError, frame.MessageId, violation.ErrorCode, violation.Description, null, stop).ConfigureAwait(false);
        }
    }

    private void OnCallError(RpcFrame frame)
    {
        var call = TakeInFlight(frame.MessageId);
        if (call is null)
        {
            _logger.ReplyToUnknownId(frame.MessageType, frame.MessageId);
            return;
        }

        _logger.CallErrorReceived(call.Action, call.MessageId, frame.ErrorCodeText, frame.ErrorDescription);
        var details = frame.ErrorDetails.ValueKind == System.Text.Json.JsonValueKind.Object ? frame.ErrorDetails.GetRawText() : "{}";
        call.Fail(new OcppCallErrorException(frame.ErrorCode, frame.ErrorDescription ?? string.Empty, details));
    }

    private async ValueTask OnUnknownTypeAsync(RpcReadResult result, CancellationToken stop)
    {
        if (_version == OcppVersion.V21)
        {
            // Part 4 §4.1.3 / §4.4 (2.1): ignore the message.
            _logger.UnknownMessageTypeIgnored(result.MessageTypeNumber, result.MessageId);
            return;
        }

        // OCPP 2.0.1 Part 4 §4.4: answer MessageTypeNotSupported so the sender can fall back.
        _logger.MalformedFrame(result.MessageTypeNumber, result.MessageId, RpcErrorCode.MessageTypeNotSupported, "unknown message type");
        await SendErrorAsync(RpcMessageType.CallError, result.MessageId ?? UnreadableId, RpcErrorCode.MessageTypeNotSupported, "Message type " + result.MessageTypeNumber + " is not supported", null, stop).ConfigureAwait(false);
    }

    private async ValueTask OnMalformedAsync(RpcReadResult result, CancellationToken stop)
    {
        _logger.MalformedFrame(result.MessageTypeNumber, result.MessageId, result.ErrorCode, result.ErrorDescription);
        switch (result.MessageTypeNumber)
        {
            case null:
            case (int)RpcMessageType.Call:
                // Part 4 §4.2.3: answer a corrupt message with a CALLERROR; "-1" when even the id is unreadable.
                await SendErrorAsync(RpcMessageType.CallError, result.MessageId ?? UnreadableId, result.ErrorCode, result.ErrorDescription ?? string.Empty, null, stop).ConfigureAwait(false);
                break;

            case (int)RpcMessageType.CallResult when result.MessageId is not null:
                var call = TakeInFlight(result.MessageId);
                if (call is null)
                {
                    _logger.ReplyToUnknownId(RpcMessageType.CallResult, result.MessageId);
                    return;
                }

                call.Fail(new OcppInvalidResponseException(result.ErrorCode, "CALLRESULT for " + call.Action + " is malformed: " + result.ErrorDescription));
                if (_version == OcppVersion.V21)
                {
                    await SendErrorAsync(RpcMessageType.CallResultError, result.MessageId, result.ErrorCode, result.ErrorDescription ?? string.Empty, null, stop).ConfigureAwait(false);
                }

                break;

            case (int)RpcMessageType.CallError or (int)RpcMessageType.CallResultError when result.MessageId is not null:
                // A broken error answer still ends our call; never answer an error with an error.
                TakeInFlight(result.MessageId)?.Fail(new OcppCallErrorException(RpcErrorCode.GenericError, "Malformed CALLERROR received: " + result.ErrorDescription));
                break;

            default:
                // Broken SEND or answers without id: SEND is never answered (Part 4 §4.2.4); the rest cannot be matched.
                break;
        }
    }
}
