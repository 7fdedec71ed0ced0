using System.Buffers;
using System.Text.Json;
using ChargerController.Ocpp.Diagnostics;
using ChargerController.Ocpp.Dispatch;
using ChargerController.Ocpp.Rpc;
using ChargerController.Ocpp.Validation;

namespace ChargerController.Ocpp.Engine;

/// <summary>Serving the peer's CALLs and SENDs: dispatch, answer, then act (house rule 13).</summary>
public sealed partial class OcppConnection
{
    private async Task InboundLoopAsync(CancellationToken stop)
    {
        await foreach (var frame in _inbound.Reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            var context = new OcppRequestContext(frame.MessageType, frame.MessageId, frame.Action!, _version);
            try
            {
                if (frame.MessageType == RpcMessageType.Send)
                {
                    await ServeSendAsync(frame, context, stop).ConfigureAwait(false);
                }
                else
                {
                    await ServeCallAsync(frame, context, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // E.g. a plugged-in validator that throws: answer InternalError, keep serving.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.HandlerFailed(ex, context.Action, context.MessageId);
                if (frame.MessageType == RpcMessageType.Call)
                {
                    await SendErrorAsync(RpcMessageType.CallError, context.MessageId, RpcErrorCode.InternalError, "Internal error handling " + context.Action, null, stop).ConfigureAwait(false);
                }
            }
        }
    }

    private async ValueTask ServeCallAsync(RpcFrame frame, OcppRequestContext context, CancellationToken stop)
    {
        var action = context.Action;
        var known = _options.IsKnownAction?.Invoke(context.Version, action);
        if (known == false || !_handlers.TryGetCall(action, out var handler))
        {
            // Part 4 §4.3: NotImplemented = action not known; NotSupported = known, but not supported here.
            var code = known == true ? RpcErrorCode.NotSupported : RpcErrorCode.NotImplemented;
            await RefuseAsync(context, code, action + " is " + (known == true ? "not supported" : "not implemented"), null, stop).ConfigureAwait(false);
            return;
        }

        var violation = _options.Validator?.Validate(context.Version, action, PayloadKind.Request, frame.Payload);
        if (violation is not null)
        {
            await RefuseAsync(context, violation.ErrorCode, violation.Path + ": " + violation.Description, null, stop).ConfigureAwait(false);
            return;
        }

        InboundOutcome outcome;
        try
        {
            outcome = (await handler.InvokeAsync(frame.Payload, context, stop).ConfigureAwait(false))!;
        }
        catch (OcppCallErrorException ex)
        {
            await RefuseAsync(context, ex.ErrorCode, ex.Message, ex.ErrorDetailsJson, stop).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Any handler bug becomes InternalError to the peer; the connection survives.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.HandlerFailed(ex, action, context.MessageId);
            await SendErrorAsync(RpcMessageType.CallError, context.MessageId, RpcErrorCode.InternalError, "Internal error handling " + action, null, stop).ConfigureAwait(false);
            return;
        }

        if (_options.ValidateOutbound && _options.Validator is not null)
        {
            using var document = JsonDocument.Parse(outcome.ResponseJson);
            var own = _options.Validator.Validate(context.Version, action, PayloadKind.Response, document.RootElement);
            if (own is not null)
            {
                _logger.OutboundInvalid(nameof(PayloadKind.Response), action, own.ErrorCode, own.Path, own.Description);
                await SendErrorAsync(RpcMessageType.CallError, context.MessageId, RpcErrorCode.InternalError, "Internal error handling " + action, null, stop).ConfigureAwait(false);
                return;
            }
        }

        var buffer = new ArrayBufferWriter<byte>(outcome.ResponseJson.Length + 48);
        RpcFrameWriter.WriteCallResult(buffer, context.MessageId, outcome.ResponseJson);
        var sent = await SendFrameAsync(buffer.WrittenSpan.ToArray(), RpcMessageType.CallResult, context.MessageId, action, stop).ConfigureAwait(false);
        if (sent && outcome.AfterResponse is { } after)
        {
            // Respond first, then act: the step starts only once the CALLRESULT is on the wire, and runs off this
            // loop so a long action (a reboot, an unlock) never delays the next request.
            _ = RunAfterResponseAsync(after, context, stop);
        }
    }

    private async Task RunAfterResponseAsync(Func<CancellationToken, ValueTask> after, OcppRequestContext context, CancellationToken stop)
    {
        try
        {
            await Task.Yield();
            await after(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // Logged; a failing after-step must not become an unobserved task exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.AfterResponseFailed(ex, context.Action, context.MessageId);
        }
    }

    private async ValueTask ServeSendAsync(RpcFrame frame, OcppRequestContext context, CancellationToken stop)
    {
        // Part 4 §4.2.4: a SEND is never answered, not even with a CALLERROR.
        if (!_handlers.TryGetSend(context.Action, out var handler))
        {
            _logger.SendDropped(context.Action, context.MessageId);
            return;
        }

        var violation = _options.Validator?.Validate(context.Version, context.Action, PayloadKind.Send, frame.Payload);
        if (violation is not null)
        {
            _logger.MalformedFrame((int)RpcMessageType.Send, context.MessageId, violation.ErrorCode, violation.Description);
            return;
        }

        try
        {
            await handler.InvokeAsync(frame.Payload, context, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // Logged; nothing may be sent back for a SEND.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.SendHandlerFailed(ex, context.Action, context.MessageId);
        }
    }

    private ValueTask<bool> RefuseAsync(OcppRequestContext context, RpcErrorCode code, string description, string? detailsJson, CancellationToken stop)
    {
        _logger.CallRefused(context.Action, context.MessageId, code, description);
        return SendErrorAsync(RpcMessageType.CallError, context.MessageId, code, description, detailsJson, stop);
    }
}
